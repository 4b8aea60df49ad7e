package io.cordon.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditRecord;
import io.cordon.context.RequestContext;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo world is seeded through the application services, so every screen has real data and the
 * audit trail tells how it came to be: organisations, users, workspaces, file versions and shares
 * (one to a partner user, one inviting a guest).
 */
class DemoWorldIT {
  @Test
  void seed_freshDataDirectory_createsTheWorldThroughTheOneDoor(@TempDir Path dir) {
    CordonConfig config = new ConfigLoader(Map.of()).load(dir.resolve("data"), Optional.empty());
    try (Node node = Node.create(config, Node.Unseal.none(), Clock.systemUTC())) {
      StringWriter said = new StringWriter();

      DemoWorld.seed(node, new PrintWriter(said, true));

      assertThat(said.toString()).contains("2 workspaces", "6 file versions", "2 shares");
      RequestContext op = node.installation().operatorContext();
      List<String> actions =
          node.audit().events(op, 1, 1000).stream()
              .map(AuditRecord::event)
              .map(e -> e.action() + ":" + e.outcome().code())
              .toList();
      assertThat(actions)
          .contains("workspace.create:success", "member.add:success", "file.upload:success")
          .filteredOn(a -> a.equals("share.create:success"))
          .hasSize(2);
      assertThat(actions).noneMatch(a -> a.endsWith(":error") || a.endsWith(":denied"));
      assertThat(actions.stream().filter(a -> a.startsWith("user.create")).count())
          .as("five demo users and one invited guest")
          .isGreaterThanOrEqualTo(6);
    }
  }
}
