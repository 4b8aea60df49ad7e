package io.cordon.policy;

import io.cordon.content.WorkspaceRole;
import io.cordon.policy.internal.CompiledPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, compiled set of policy documents (docs/policies.md): immutable and thread-safe, so the
 * engine swaps one for another atomically. Loading either accepts every document or rejects the set
 * with every problem found ({@link PolicyException}, each problem with its source and line).
 */
public final class PolicySet {
  /** The default CDMO documents shipped with Cordon, under {@code policies/} on the class path. */
  public static final List<String> DEFAULT_DOCUMENTS = List.of("cdmo-default.yaml");

  private final CompiledPolicy compiled;

  private PolicySet(CompiledPolicy compiled) {
    this.compiled = compiled;
  }

  /** Compiles documents together; throws {@link PolicyException} with every problem found. */
  public static PolicySet compile(List<PolicySource> sources) {
    return new PolicySet(CompiledPolicy.compile(sources));
  }

  /** The default CDMO policy set. */
  public static PolicySet defaults() {
    return compile(defaultSources());
  }

  /** The texts of the default documents. */
  public static List<PolicySource> defaultSources() {
    List<PolicySource> out = new ArrayList<>();
    for (String name : DEFAULT_DOCUMENTS) {
      try (InputStream in = PolicySet.class.getResourceAsStream("/policies/" + name)) {
        if (in == null) {
          throw new IllegalStateException("default policy " + name + " is missing from the jar");
        }
        out.add(new PolicySource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public Decision decide(AccessRequest request, Optional<WorkspaceRole> role, Instant now) {
    return compiled.decide(request, role, now);
  }

  public Explanation explain(AccessRequest request, Optional<WorkspaceRole> role, Instant now) {
    return compiled.explain(request, role, now);
  }

  /** The documents' names and versions, e.g. {@code cdmo-default@3}. */
  public String version() {
    return compiled.version();
  }

  /** SHA-256 (hex) over the documents' names and texts. */
  public String sha256() {
    return compiled.sha256();
  }

  public int ruleCount() {
    return compiled.ruleCount();
  }

  /** The zone in which {@code context.time} and {@code context.weekday} are read. */
  public ZoneId timeZone() {
    return compiled.timeZone();
  }
}
