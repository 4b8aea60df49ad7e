package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.policy.PolicySet;
import io.cordon.policy.PolicySource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon policy test FILE}: exit 0 when every case passes, 1 with each failing case named, 2
 * for a malformed file, a file without cases, or a policy directory that does not load.
 */
class PolicyCommandIT {
  private static final String CASE =
      "  - name: %s\n    request:\n      subject: {orgKind: partner, workspaceRole: viewer,"
          + " auth: password}\n      action: download\n      resource: {type: file, workspace:"
          + " ws_00000000000000000001, classification: restricted}\n    expect: %s\n";

  @Test
  void test_passingCases_exitZero(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("cases.yaml");
    try (InputStream in =
        PolicySet.class.getResourceAsStream("/policies/cdmo-default-cases.yaml")) {
      if (in != null) {
        Files.write(cases, in.readAllBytes());
      } else {
        Files.writeString(cases, "cases:\n" + CASE.formatted("steps up", "step-up"));
      }
    }
    CliRun run = CliRun.of("policy", "test", cases.toString(), "--data", dir.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("0 failed").contains("cdmo-default@1");
  }

  @Test
  void test_failingCase_exitOneAndNamed(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("cases.yaml");
    Files.writeString(
        cases,
        "cases:\n"
            + CASE.formatted("steps up", "step-up")
            + CASE.formatted("wrongly permits", "permit"));
    CliRun run = CliRun.of("policy", "test", cases.toString(), "--data", dir.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.outLines())
        .anySatisfy(
            l -> assertThat(l).startsWith("FAIL wrongly permits: expected permit, got step-up"))
        .noneSatisfy(l -> assertThat(l).contains("FAIL steps up"));
  }

  @Test
  void test_againstPolicyDirectory_usesIt(@TempDir Path dir) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    for (PolicySource s : PolicySet.defaultSources()) {
      Files.writeString(
          policies.resolve(s.name()),
          s.text()
              .replace(
                  "    unless:\n      subject.mfa: true",
                  "    unless:\n      subject.phishingResistant: true"),
          StandardCharsets.UTF_8);
    }
    Path cases = dir.resolve("cases.yaml");
    Files.writeString(cases, "cases:\n" + CASE.formatted("steps up", "step-up"));
    CliRun run = CliRun.of("policy", "test", cases.toString(), "--policy", policies.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
  }

  @Test
  void test_badInput_exitTwo(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "cases: []\n");
    Path malformed = Files.writeString(dir.resolve("bad.yaml"), "cases: [\n");
    Path unknown =
        Files.writeString(
            dir.resolve("unknown.yaml"),
            "cases:\n  - request: {action: fly, resource: {type: file}}\n    expect: permit\n");
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(policies.resolve("p.yaml"), "policy: p\nversion: 1\nrules:\n  - id: x\n");
    Path ok = Files.writeString(dir.resolve("ok.yaml"), "cases:\n" + CASE.formatted("c", "deny"));

    CliRun noCases = CliRun.of("policy", "test", empty.toString(), "--data", dir.toString());
    assertThat(noCases.exit()).isEqualTo(2);
    assertThat(noCases.err()).contains("no cases");
    assertThat(CliRun.of("policy", "test", malformed.toString(), "--data", dir.toString()).exit())
        .isEqualTo(2);
    CliRun badAction = CliRun.of("policy", "test", unknown.toString(), "--data", dir.toString());
    assertThat(badAction.exit()).isEqualTo(2);
    assertThat(badAction.err()).contains("case 1: unknown action 'fly'");
    CliRun badPolicy = CliRun.of("policy", "test", ok.toString(), "--policy", policies.toString());
    assertThat(badPolicy.exit()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("p.yaml:4: rule x: missing 'effect'");
    assertThat(CliRun.of("policy", "test", dir.resolve("missing.yaml").toString()).exit())
        .isEqualTo(2);
  }
}
