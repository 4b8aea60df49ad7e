package io.cordon.bench.cedar;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import io.cordon.bench.cedar.CedarQuestions.Question;
import io.cordon.policy.Obligation;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cedar deciding through its Java binding ({@link BasicAuthorizationEngine}: Java → JSON → JNI →
 * Rust → JSON → Java, on the calling thread). Both policy sets are parsed once on the Rust side
 * ({@link PolicySet#cache()}, new in 4.10), so a call sends the request and its two entities, not
 * the policies. cedar-java 4.10 has no batch call: one question, one crossing.
 */
final class CedarEngine {
  /** Cedar's answer: allowed or not, the policies it names, and Cordon's obligations for them. */
  record Outcome(boolean allowed, Set<String> reasons, Set<Obligation> obligations, int errors) {}

  static {
    CedarLibrary.load();
  }

  private final AuthorizationEngine engine = new BasicAuthorizationEngine();
  private final PolicySet decisions;
  private final PolicySet obligations;
  private final Map<String, Set<Obligation>> obligationsById;

  CedarEngine(CedarTranslation.Translated t) {
    this(t.decisions(), t.obligations(), t.obligationsById());
  }

  CedarEngine(
      List<Policy> decisions,
      List<Policy> obligations,
      Map<String, Set<Obligation>> obligationsById) {
    this(decisions, obligations, obligationsById, true);
  }

  private CedarEngine(
      List<Policy> decisions,
      List<Policy> obligations,
      Map<String, Set<Obligation>> obligationsById,
      boolean cache) {
    this.decisions = set(decisions, cache);
    this.obligations = obligations.isEmpty() ? null : set(obligations, cache);
    this.obligationsById = Map.copyOf(obligationsById);
  }

  /** As Cedar's binding worked before 4.10: every call carries the policies' text. */
  static CedarEngine uncached(CedarTranslation.Translated t) {
    return new CedarEngine(t.decisions(), t.obligations(), t.obligationsById(), false);
  }

  private static PolicySet set(List<Policy> policies, boolean cache) {
    PolicySet set = new PolicySet(new HashSet<>(policies));
    if (cache) {
      try {
        set.cache();
      } catch (CacheException e) {
        throw new IllegalStateException("Cedar could not parse the translated policies", e);
      }
    }
    return set;
  }

  /** Only the allow/deny question: what Cordon's decision answers too (without obligations). */
  AuthorizationSuccessResponse decide(Question q) {
    return ask(decisions, q);
  }

  /** The allow/deny question and, when allowed, the obligations question. */
  Outcome decideWithObligations(Question q) {
    AuthorizationSuccessResponse r = ask(decisions, q);
    int errors = r.getErrors().size();
    Set<Obligation> obliged = EnumSet.noneOf(Obligation.class);
    if (r.isAllowed() && obligations != null) {
      AuthorizationSuccessResponse o = ask(obligations, q);
      errors += o.getErrors().size();
      for (String id : o.getReason()) {
        obliged.addAll(obligationsById.getOrDefault(id, Set.of()));
      }
    }
    return new Outcome(r.isAllowed(), r.getReason(), obliged, errors);
  }

  private AuthorizationSuccessResponse ask(PolicySet set, Question q) {
    AuthorizationResponse response;
    try {
      response = engine.isAuthorized(q.request(), set, q.entities());
    } catch (AuthException e) {
      throw new IllegalStateException("Cedar failed: " + e.getMessage(), e);
    }
    return response.success.orElseThrow(
        () -> new IllegalStateException("Cedar failed: " + response.errors));
  }
}
