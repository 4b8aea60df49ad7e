package io.cordon.policy.service;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.AttributePolicyEngine;
import io.cordon.policy.Explanation;
import io.cordon.policy.PolicyException;
import io.cordon.policy.PolicyProblem;
import io.cordon.policy.PolicyQuestion;
import io.cordon.policy.PolicySet;
import io.cordon.policy.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy as an application service: explaining a decision (through the one door, so only those
 * the policy lets read it may ask) and putting a new policy set in force, audited as {@code
 * policy.update}. Thread-safe.
 */
public final class PolicyService {
  private final OneDoor door;
  private final AttributePolicyEngine engine;

  public PolicyService(OneDoor door, AttributePolicyEngine engine) {
    this.door = door;
    this.engine = engine;
  }

  /**
   * How the policy in force decides a hypothetical request (nothing is looked up: the request
   * states the subject's workspace role), with every rule considered.
   */
  public Explanation explain(RequestContext ctx, PolicyQuestion question) {
    return door.perform(
        ctx,
        Guarded.of("policy.explain", Action.VIEW, Resource.system(Resource.POLICY)),
        (tx, resource) -> {
          Explanation e =
              engine.explain(
                  question.request(),
                  question.workspaceRole(),
                  question.at().orElseGet(() -> engine.clock().instant()));
          return Performed.of(
              e,
              AuditObject.of(Resource.POLICY, engine.current().version(), null),
              Map.of(
                  "decision",
                      e.decision().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                  "rules", e.decision().rules()));
        });
  }

  /**
   * How the policy in force would decide a hypothetical request, for a service that has already
   * decided its caller's own permission inside {@link io.cordon.door.OneDoor#perform} (e.g. a share
   * preview, asked by someone who may share the file). Makes no decision about the caller and
   * records nothing by itself: never call it outside such guarded work.
   */
  public Explanation explainWithin(
      io.cordon.policy.AccessRequest request, Optional<io.cordon.content.WorkspaceRole> role) {
    return engine.explain(request, role);
  }

  /** The policy set in force. */
  public PolicySet current() {
    return engine.current();
  }

  /**
   * Puts a new policy set in force and records it as {@code policy.update} (version, hash, rule
   * count); the set it replaced goes into the event too.
   */
  public void apply(RequestContext system, PolicySet next, String origin) {
    PolicySet before = engine.replace(next);
    door.record(
        system,
        "policy.update",
        Optional.of(AuditObject.of(Resource.POLICY, next.version(), null)),
        AuditEvent.Outcome.SUCCESS,
        Optional.empty(),
        Map.of(
            "version", next.version(),
            "sha256", next.sha256(),
            "rules", next.ruleCount(),
            "origin", origin,
            "previousSha256", before.sha256()));
  }

  /** Records a rejected policy change (the set in force stays); each problem with its line. */
  public void rejected(RequestContext system, PolicyException problem, String origin) {
    door.record(
        system,
        "policy.update",
        Optional.of(AuditObject.of(Resource.POLICY, origin, null)),
        AuditEvent.Outcome.ERROR,
        Optional.of("policy rejected; the policy in force stays"),
        Map.of(
            "origin",
            origin,
            "problems",
            problem.problems().stream().map(PolicyProblem::toString).limit(20).toList(),
            "inForce",
            List.of(engine.current().version(), engine.current().sha256())));
  }
}
