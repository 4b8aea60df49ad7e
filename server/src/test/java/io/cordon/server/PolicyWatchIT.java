package io.cordon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditEvent;
import io.cordon.policy.PolicySet;
import io.cordon.policy.PolicySource;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * policy.dir on a real node (SQLite, sealed key vault): the directory's documents are in force from
 * the start; an edit is put in force and audited as policy.update with version and hash; a broken
 * edit is rejected with its line, audited as an error, and the policy in force stays.
 */
class PolicyWatchIT {
  @Test
  void check_goodThenBadEdit_appliedThenRejectedAndAudited(@TempDir Path dir) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    for (PolicySource s : PolicySet.defaultSources()) {
      Files.writeString(policies.resolve(s.name()), s.text(), StandardCharsets.UTF_8);
    }
    CordonConfig config =
        new ConfigLoader(Map.of("CORDON_POLICY_DIR", policies.toString()))
            .load(dir.resolve("data"), Optional.empty());
    try (Node node = Node.create(config, Node.Unseal.none(), Clock.systemUTC())) {
      assertThat(node.policy().current().version()).isEqualTo("cdmo-default@1");
      PolicyWatch watch = new PolicyWatch(node.policy(), policies, PolicyFiles.read(policies));
      assertThat(watch.check()).isEqualTo(PolicyWatch.Outcome.UNCHANGED);

      Files.writeString(
          policies.resolve("extra.yaml"),
          "policy: extra\nversion: 7\nrules:\n  - id: no-cosign\n    effect: forbid\n"
              + "    actions: cosign\n    resources: witness\n");
      assertThat(watch.check()).isEqualTo(PolicyWatch.Outcome.APPLIED);
      PolicySet applied = node.policy().current();
      assertThat(applied.version()).isEqualTo("cdmo-default@1,extra@7");

      Files.writeString(
          policies.resolve("extra.yaml"),
          "policy: extra\nversion: 8\nrules:\n  - id: no-cosign\n    effect: forbid\n"
              + "    actions: cosign\n    resources: witness\n    when:\n      subject.rank: 3\n");
      assertThat(watch.check()).isEqualTo(PolicyWatch.Outcome.REJECTED);
      assertThat(watch.check()).isEqualTo(PolicyWatch.Outcome.UNCHANGED); // reported once
      assertThat(node.policy().current()).isSameAs(applied);

      List<AuditEvent> updates =
          node.store().read(tx -> tx.audit().list(1, 1000)).stream()
              .filter(e -> e.action().equals("policy.update"))
              .toList();
      assertThat(updates).hasSize(2);
      assertThat(updates.get(0).outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
      assertThat(updates.get(0).details())
          .containsEntry("version", "cdmo-default@1,extra@7")
          .containsEntry("sha256", applied.sha256());
      assertThat(updates.get(1).outcome()).isEqualTo(AuditEvent.Outcome.ERROR);
      assertThat(updates.get(1).details().get("problems").toString())
          .contains("extra.yaml:9: rule no-cosign: unknown attribute 'subject.rank'");
    }
  }
}
