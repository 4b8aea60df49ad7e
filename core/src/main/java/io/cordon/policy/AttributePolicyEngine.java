package io.cordon.policy;

import io.cordon.content.WorkspaceRole;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The attribute-based policy engine (ARCHITECTURE.md "Policy"): deny by default, forbid overrides
 * permit, step-up when a factor would change the answer, permits with obligations. It decides on
 * the {@link PolicySet} in force, which {@link #replace} swaps atomically: a decision runs wholly
 * on one set, old or new, never a mix. No I/O on the decision path. Thread-safe.
 */
public final class AttributePolicyEngine implements PolicyEngine {
  private final AtomicReference<PolicySet> current;
  private final Clock clock;

  public AttributePolicyEngine(PolicySet initial, Clock clock) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Decision decide(AccessRequest request, Optional<WorkspaceRole> workspaceRole) {
    return current.get().decide(request, workspaceRole, clock.instant());
  }

  /** The decision with every rule considered and why it matched or not. */
  public Explanation explain(AccessRequest request, Optional<WorkspaceRole> workspaceRole) {
    return current.get().explain(request, workspaceRole, clock.instant());
  }

  /** As {@link #explain(AccessRequest, Optional)}, deciding as if it were {@code at}. */
  public Explanation explain(
      AccessRequest request, Optional<WorkspaceRole> workspaceRole, java.time.Instant at) {
    return current.get().explain(request, workspaceRole, at);
  }

  /** The clock decisions read the time from. */
  public Clock clock() {
    return clock;
  }

  /** The policy set in force. */
  public PolicySet current() {
    return current.get();
  }

  /** Puts {@code next} in force for every later decision; returns the set it replaced. */
  public PolicySet replace(PolicySet next) {
    return current.getAndSet(Objects.requireNonNull(next));
  }
}
