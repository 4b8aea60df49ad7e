package io.cordon.server;

import io.cordon.context.Channel;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.policy.PolicyException;
import io.cordon.policy.PolicyProblem;
import io.cordon.policy.PolicySet;
import io.cordon.policy.PolicySource;
import io.cordon.policy.service.PolicyService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads {@code policy.dir} when its documents change (a poll, so it works the same on every file
 * system and for files replaced by editors or configuration management). An accepted change is put
 * in force atomically and audited as {@code policy.update} with its version and hash; a rejected
 * one is logged with every problem's file and line and audited as an error, and the policy in force
 * stays. Each tick catches its own failure. Thread-safe: ticks run on one thread.
 */
final class PolicyWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyWatch.class);

  /** How often the directory is read. */
  static final Duration EVERY = Duration.ofSeconds(5);

  private final PolicyService policy;
  private final Path dir;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("cordon-policy-watch").factory());
  private List<PolicySource> seen;

  PolicyWatch(PolicyService policy, Path dir, List<PolicySource> loaded) {
    this.policy = policy;
    this.dir = dir;
    this.seen = loaded;
  }

  /** Starts polling for a node whose policy came from {@code policy.dir}; none otherwise. */
  static Optional<PolicyWatch> start(Node node) {
    return node.config()
        .policy()
        .dir()
        .map(
            d -> {
              PolicyWatch w = new PolicyWatch(node.policy(), d, PolicyFiles.read(d));
              w.timer.scheduleWithFixedDelay(
                  w::tick, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
              return w;
            });
  }

  private void tick() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.warn("policy reload check failed: {}", e.toString());
    }
  }

  /** Reads the directory once; loads, or rejects, what changed since the last read. */
  synchronized Outcome check() {
    List<PolicySource> now;
    try {
      now = PolicyFiles.read(dir);
    } catch (CordonException.InvalidInput e) {
      return reject(
          null, new PolicyException(List.of(new PolicyProblem(dir.toString(), 1, e.getMessage()))));
    }
    if (now.equals(seen)) {
      return Outcome.UNCHANGED;
    }
    try {
      PolicySet next = PolicySet.compile(now);
      seen = now;
      policy.apply(system(), next, dir.getFileName().toString());
      LOG.info(
          "policy {} in force (sha256 {}, {} rules)",
          next.version(),
          next.sha256(),
          next.ruleCount());
      return Outcome.APPLIED;
    } catch (PolicyException e) {
      return reject(now, e);
    }
  }

  private Outcome reject(List<PolicySource> now, PolicyException e) {
    if (now != null && now.equals(seen)) {
      return Outcome.UNCHANGED;
    }
    seen = now; // the same bad text is reported once, not every tick
    for (PolicyProblem p : e.problems()) {
      LOG.warn("policy change rejected, the policy in force stays: {}", p);
    }
    policy.rejected(system(), e, dir.getFileName().toString());
    return Outcome.REJECTED;
  }

  private static RequestContext system() {
    return RequestContext.anonymous(Channel.SYSTEM, "127.0.0.1", Optional.empty(), "policy-watch");
  }

  /** What one check did. */
  enum Outcome {
    UNCHANGED,
    APPLIED,
    REJECTED
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
