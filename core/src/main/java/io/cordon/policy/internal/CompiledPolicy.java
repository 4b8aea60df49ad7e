package io.cordon.policy.internal;

import io.cordon.content.WorkspaceRole;
import io.cordon.policy.AccessRequest;
import io.cordon.policy.Decision;
import io.cordon.policy.Explanation;
import io.cordon.policy.Explanation.RuleTrace;
import io.cordon.policy.PolicyException;
import io.cordon.policy.PolicyProblem;
import io.cordon.policy.PolicySource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A set of policy documents compiled into a {@link RuleIndex}: immutable, so the engine can swap
 * one for another atomically and decide on it from any thread without locks. Compiling either
 * succeeds for every document or fails with every problem found.
 */
public final class CompiledPolicy {
  private final RuleIndex index;
  private final List<Rule> rules;
  private final String version;
  private final String sha256;
  private final ZoneId timeZone;
  private final boolean needsTime;

  private CompiledPolicy(List<Rule> rules, String version, String sha256, ZoneId timeZone) {
    this.rules = List.copyOf(rules);
    this.index = new RuleIndex(this.rules);
    this.version = version;
    this.sha256 = sha256;
    this.timeZone = timeZone;
    this.needsTime =
        rules.stream()
            .anyMatch(r -> r.uses(Attribute.CONTEXT_TIME) || r.uses(Attribute.CONTEXT_WEEKDAY));
  }

  /** Compiles documents together (rule ids are unique across them); throws with every problem. */
  public static CompiledPolicy compile(List<PolicySource> sources) {
    List<PolicySource> sorted =
        sources.stream().sorted(Comparator.comparing(PolicySource::name)).toList();
    List<PolicyProblem> problems = new ArrayList<>();
    if (sorted.isEmpty()) {
      problems.add(new PolicyProblem("(none)", 1, "no policy documents"));
    }
    List<DocumentParser.Document> docs = new ArrayList<>();
    for (PolicySource s : sorted) {
      new DocumentParser(s, problems).parse().ifPresent(docs::add);
    }
    Map<String, Rule> byId = new HashMap<>();
    List<Rule> all = new ArrayList<>();
    ZoneId zone = null;
    for (DocumentParser.Document d : docs) {
      for (Rule r : d.rules()) {
        Rule before = byId.putIfAbsent(r.id(), r);
        if (before != null) {
          problems.add(
              new PolicyProblem(
                  r.source(),
                  r.line(),
                  "duplicate rule id '"
                      + r.id()
                      + "' (first at "
                      + before.source()
                      + ":"
                      + before.line()
                      + ")"));
        }
        all.add(r);
      }
      if (d.timeZone().isPresent()) {
        if (zone != null && !zone.equals(d.timeZone().get())) {
          problems.add(
              new PolicyProblem(d.name(), 1, "time zone differs from another document's " + zone));
        }
        zone = d.timeZone().get();
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    String version =
        docs.stream().map(d -> d.name() + "@" + d.version()).collect(Collectors.joining(","));
    return new CompiledPolicy(all, version, hash(sorted), zone == null ? ZoneOffset.UTC : zone);
  }

  public Decision decide(AccessRequest request, Optional<WorkspaceRole> role, Instant now) {
    return evaluate(request, role, now, null).decision(request, role);
  }

  public Explanation explain(AccessRequest request, Optional<WorkspaceRole> role, Instant now) {
    List<RuleTrace> trace = new ArrayList<>();
    Decision d = evaluate(request, role, now, trace).decision(request, role);
    return new Explanation(d, version, trace);
  }

  private Evaluation evaluate(
      AccessRequest request, Optional<WorkspaceRole> role, Instant now, List<RuleTrace> trace) {
    Facts facts = new Facts(request, role, now, timeZone, needsTime);
    RuleIndex.Bucket bucket = index.lookup(request.action(), request.resource().type());
    Evaluation e = new Evaluation(facts, trace);
    if (e.run(bucket.general())
        && e.run(bucket.forWorkspace(facts.text(Attribute.RESOURCE_WORKSPACE)))) {
      e.run(bucket.forOrg(facts.text(Attribute.SUBJECT_ORG)));
    }
    return e;
  }

  /** The documents' names and versions, e.g. {@code cdmo-default@3}. */
  public String version() {
    return version;
  }

  /** SHA-256 over the documents' names and texts, hex: what changed, whatever the version says. */
  public String sha256() {
    return sha256;
  }

  public int ruleCount() {
    return rules.size();
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  private static String hash(List<PolicySource> sorted) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (PolicySource s : sorted) {
        md.update(s.name().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(s.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
