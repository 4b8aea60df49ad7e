package io.cordon.server.web;

import io.cordon.context.RequestContext;
import io.cordon.policy.Decision;
import io.cordon.policy.Explanation;
import io.cordon.policy.Obligation;
import io.cordon.policy.PolicyQuestion;
import io.cordon.policy.service.PolicyService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/policy/explain}: how the policy in force decides a hypothetical request, with
 * every rule considered. Who may ask is itself a policy decision (rule {@code policy-readers}).
 */
final class PolicyRoutes {
  private final PolicyService policy;

  PolicyRoutes(PolicyService policy) {
    this.policy = policy;
  }

  List<Route> routes(String prefix) {
    return List.of(
        new Route(
            HandlerType.POST, prefix + "/policy/explain", Access.AUTHENTICATED, this::explain));
  }

  private void explain(Context http, RequestContext rc) {
    PolicyQuestion q = PolicyQuestion.parse(Json.body(http), Instant.now());
    http.json(view(policy.explain(rc, q)));
  }

  static Map<String, Object> view(Explanation e) {
    Map<String, Object> out = new LinkedHashMap<>();
    Decision d = e.decision();
    out.put("decision", kind(d));
    out.put("reason", d.reason());
    out.put("rules", d.rules());
    out.put(
        "obligations",
        d instanceof Decision.Permit p
            ? p.obligations().stream().map(Obligation::code).toList()
            : List.of());
    if (d instanceof Decision.StepUp s) {
      out.put("factors", s.phishingResistant() ? List.of("webauthn") : List.of("totp", "webauthn"));
    }
    out.put("policyVersion", e.policyVersion());
    out.put(
        "considered",
        e.rules().stream()
            .map(
                t -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", t.id());
                  m.put("effect", t.effect());
                  m.put("source", t.source());
                  m.put("matched", t.matched());
                  m.put("why", t.why());
                  return m;
                })
            .toList());
    return out;
  }

  /** {@code permit}, {@code deny} or {@code step-up}. */
  static String kind(Decision d) {
    return switch (d) {
      case Decision.Permit p -> "permit";
      case Decision.Deny x -> "deny";
      case Decision.StepUp s -> "step-up";
    };
  }
}
