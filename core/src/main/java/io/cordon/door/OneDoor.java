package io.cordon.door;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.audit.AuditEvent.Outcome;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.policy.AccessRequest;
import io.cordon.policy.Action;
import io.cordon.policy.Decision;
import io.cordon.policy.Obligation;
import io.cordon.policy.PolicyEngine;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single path of every service operation (ARCHITECTURE.md "One door"):
 *
 * <pre>authenticate → RequestContext → PolicyEngine.decide → perform → AuditLog.append</pre>
 *
 * <p>The decision, the work and its audit event share one database transaction, so a state change
 * without its audit record cannot exist. A denial commits its own audit event and then raises
 * {@link CordonException.Denied} (or {@link CordonException.StepUpRequired}); an operation that
 * fails is rolled back and its failure recorded with outcome {@code error}.
 *
 * <p>Thread-safe.
 */
public final class OneDoor {
  private static final Logger LOG = LoggerFactory.getLogger(OneDoor.class);

  private final MetadataStore store;
  private final PolicyEngine policy;
  private final Clock clock;
  private final LongAdder decisions = new LongAdder();
  // Until a channel for notices is wired, notify-owner cannot be honoured and so does not permit.
  private volatile OwnerNotice ownerNotice = (tx, ctx, resource, action) -> false;

  public OneDoor(MetadataStore store, PolicyEngine policy, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** Wires how owners are told of access ({@code notify-owner}); call once, before serving. */
  public void notifyOwnersThrough(OwnerNotice notice) {
    this.ownerNotice = java.util.Objects.requireNonNull(notice, "notice");
  }

  /**
   * Decides, performs and audits one operation in one transaction.
   *
   * @param work runs only when permitted, inside the transaction, with the resolved resource
   */
  public <T> T perform(
      RequestContext ctx, Guarded op, BiFunction<Transaction, Resource, Performed<T>> work) {
    return perform(ctx, op, work, (tx, value, event) -> value);
  }

  /**
   * As {@link #perform(RequestContext, Guarded, BiFunction)}, then hands the work's value and its
   * success event as stored (with its {@code seq}) to {@code finish}, still in the same
   * transaction: for a record that must name the audit event that records it.
   */
  public <T, R> R perform(
      RequestContext ctx,
      Guarded op,
      BiFunction<Transaction, Resource, Performed<T>> work,
      Finish<T, R> finish) {
    Outcome<R> result;
    try {
      result =
          store.inTransaction(
              tx -> {
                Resource resource = op.resource().apply(tx);
                Decision decision = decide(tx, ctx, op, resource);
                if (!(decision instanceof Decision.Permit)) {
                  tx.audit().append(refusal(ctx, op, resource, decision));
                  return new Outcome<R>(null, decision);
                }
                Performed<T> done = work.apply(tx, resource);
                AuditEvent recorded =
                    tx.audit()
                        .append(
                            AuditEvents.of(
                                ctx,
                                clock.instant(),
                                op.auditAction(),
                                done.object(),
                                AuditEvent.Outcome.SUCCESS,
                                Optional.empty(),
                                done.details()));
                return new Outcome<>(finish.apply(tx, done.value(), recorded), decision);
              });
    } catch (CordonException e) {
      recordFailure(ctx, op, e);
      throw e;
    }
    return result.valueOrThrow();
  }

  /** The last step of a performed operation, after its success event was appended. */
  @FunctionalInterface
  public interface Finish<T, R> {
    R apply(Transaction tx, T value, AuditEvent recorded);
  }

  /**
   * Decides without performing: for operations whose work cannot run inside a transaction (a
   * streamed upload or download). A refusal is recorded and raised; a permit returns the resource,
   * and the caller records the outcome itself with {@link #record}.
   */
  public Resource authorize(RequestContext ctx, Guarded op) {
    return authorized(ctx, op).resource();
  }

  /**
   * As {@link #authorize}, answering also the obligations of the permit, which the caller must
   * honour (a watermark on what it delivers, the owner notified, a justification recorded).
   */
  public Authorized authorized(RequestContext ctx, Guarded op) {
    Outcome<Authorized> result;
    try {
      result =
          store.inTransaction(
              tx -> {
                Resource resource = op.resource().apply(tx);
                Decision decision = decide(tx, ctx, op, resource);
                if (!(decision instanceof Decision.Permit p)) {
                  tx.audit().append(refusal(ctx, op, resource, decision));
                  return new Outcome<Authorized>(null, decision);
                }
                return new Outcome<>(new Authorized(resource, p.obligations()), decision);
              });
    } catch (CordonException e) {
      recordFailure(ctx, op, e);
      throw e;
    }
    return result.valueOrThrow();
  }

  /** Records one event in its own transaction (an outcome known only after streaming). */
  public void record(
      RequestContext ctx,
      String action,
      Optional<AuditObject> object,
      AuditEvent.Outcome outcome,
      Optional<String> reason,
      Map<String, Object> details) {
    store.inTransaction(
        tx ->
            tx.audit()
                .append(
                    AuditEvents.of(
                        ctx, clock.instant(), action, object, outcome, reason, details)));
  }

  private Decision decide(Transaction tx, RequestContext ctx, Guarded op, Resource resource) {
    Optional<WorkspaceRole> role =
        resource
            .workspace()
            .flatMap(ws -> ctx.subject().flatMap(s -> tx.workspaces().roleOf(ws, s.user())));
    decisions.increment();
    Decision decision = policy.decide(new AccessRequest(ctx, op.action(), resource), role);
    return decision instanceof Decision.Permit p ? honour(tx, ctx, op, resource, p) : decision;
  }

  /**
   * Honours a permit's obligations that the door itself can, or turns the permit into a refusal: an
   * obligation that cannot be honoured never permits. View-only and watermark refuse the raw bytes
   * (every channel gets the same answer, the web one a pointer to the watermarked view); a required
   * justification must have been given; the owner's notice is queued with the decision. The channel
   * honours the rest (the view's watermark) with {@link Authorized#obligations()}.
   */
  private Decision honour(
      Transaction tx, RequestContext ctx, Guarded op, Resource resource, Decision.Permit p) {
    if (op.action() == Action.DOWNLOAD && p.obliges(Obligation.VIEW_ONLY)) {
      return new Decision.Deny(
          "view-only: this content may only be seen through its watermarked view"
              + " (GET /api/v1/files/{id}/view)",
          p.rules());
    }
    if (op.action() == Action.DOWNLOAD && p.obliges(Obligation.WATERMARK)) {
      return new Decision.Deny(
          "watermark: this content is delivered only with the viewer's watermark, through its"
              + " view (GET /api/v1/files/{id}/view)",
          p.rules());
    }
    if (p.obliges(Obligation.JUSTIFICATION_REQUIRED) && ctx.justification().isEmpty()) {
      return new Decision.Deny(JUSTIFICATION_MISSING, p.rules());
    }
    if (p.obliges(Obligation.NOTIFY_OWNER)
        && !ownerNotice.accessGranted(tx, ctx, resource, op.action())) {
      return new Decision.Deny(
          "notify-owner: the owner of this " + resource.type() + " cannot be told of the access",
          p.rules());
    }
    return p;
  }

  /** The reason of a refusal for want of a justification; its problem type says so too. */
  public static final String JUSTIFICATION_MISSING =
      "justification required: state why in the Cordon-Justification header";

  /**
   * How many policy decisions this door has taken since it was built: a metric, and the hook by
   * which the authorization-matrix test proves every route asks the policy.
   */
  public long decisionCount() {
    return decisions.sum();
  }

  /** A permitted resource and the obligations the caller must honour while it serves it. */
  public record Authorized(Resource resource, List<Obligation> obligations) {
    public Authorized {
      obligations = List.copyOf(obligations);
    }
  }

  private AuditEvent refusal(RequestContext ctx, Guarded op, Resource resource, Decision decision) {
    Optional<AuditObject> object =
        op.refusedObject()
            .or(() -> Optional.of(AuditObject.of(resource.type(), resource.id(), null)));
    String reason =
        decision instanceof Decision.StepUp
            ? "step-up required: " + decision.reason()
            : decision.reason();
    return AuditEvents.of(
        ctx,
        clock.instant(),
        op.auditAction(),
        object,
        AuditEvent.Outcome.DENIED,
        Optional.of(reason),
        Map.of("rules", decision.rules()));
  }

  private void recordFailure(RequestContext ctx, Guarded op, CordonException e) {
    try {
      record(
          ctx,
          op.auditAction(),
          op.refusedObject(),
          outcomeOf(e),
          Optional.of(e.getMessage()),
          Map.of("error", e.type()));
    } catch (RuntimeException auditFailure) {
      // The original error matters more to the caller; the audit gap is logged loudly.
      LOG.error("could not record failed {}: {}", op.auditAction(), auditFailure.toString());
    }
  }

  /**
   * A refusal raised while performing is an access decision like the policy's, and is recorded as
   * {@code denied}: a share's own limits (expired, exhausted, revoked: {@link
   * CordonException.Lapsed}), a second factor the share asks for, a refusal decided inside the
   * work. Anything else (not found, invalid input, conflicts) is an {@code error}.
   */
  static AuditEvent.Outcome outcomeOf(CordonException e) {
    return e instanceof CordonException.Denied
            || e instanceof CordonException.StepUpRequired
            || e instanceof CordonException.Lapsed
            || e instanceof CordonException.LegalHold
        ? AuditEvent.Outcome.DENIED
        : AuditEvent.Outcome.ERROR;
  }

  /** A transaction's result and the decision under which it ran. */
  private record Outcome<T>(T value, Decision decision) {
    T valueOrThrow() {
      return switch (decision) {
        case Decision.Permit p -> value;
        case Decision.Deny d ->
            throw JUSTIFICATION_MISSING.equals(d.reason())
                ? CordonException.Denied.justificationRequired(d.reason())
                : new CordonException.Denied(d.reason());
        case Decision.StepUp s ->
            throw new CordonException.StepUpRequired(s.reason(), s.phishingResistant());
      };
    }
  }
}
