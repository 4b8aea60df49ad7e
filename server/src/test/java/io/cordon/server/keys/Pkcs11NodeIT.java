package io.cordon.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.FileVersion;
import io.cordon.content.Workspace;
import io.cordon.context.RequestContext;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import io.cordon.testing.SoftHsmToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node whose root key lives in a real PKCS#11 token (SoftHSM2): initialise, store a file,
 * close, reopen from the token and read it back. Nothing key-like is left in the data directory.
 */
class Pkcs11NodeIT {
  @Test
  void node_rootKeyInToken_survivesRestartAndKeepsNoKeyOnDisk(@TempDir Path dir) throws Exception {
    SoftHsmToken token = SoftHsmToken.fresh();
    Path data = dir.resolve("data");
    Map<String, String> env =
        Map.of(
            "CORDON_KEYS_VAULT", "pkcs11",
            "CORDON_KEYS_PKCS11_LIBRARY", token.library().toString(),
            "CORDON_KEYS_PKCS11_SLOT", Long.toString(token.slot()),
            "CORDON_KEYS_PKCS11_PIN_FILE", token.pinFile().toString());
    CordonConfig config = new ConfigLoader(env).load(data, Optional.empty());
    byte[] content = "HSM-protected batch record".getBytes();
    FileVersion stored;
    try (Node node = Node.create(config, Node.Unseal.none(), Clock.systemUTC())) {
      assertThat(node.vault().kind()).isEqualTo("pkcs11");
      node.installation()
          .initialise("Home", "admin@home.example", "a long admin password".toCharArray());
      RequestContext admin = node.installation().localContextFor("admin@home.example");
      Workspace ws = node.workspaces().create(admin, "hsm", Optional.empty(), Optional.empty());
      stored =
          node.content().upload(admin, ws.id(), "record.txt", new ByteArrayInputStream(content));
    }
    try (Node node = Node.open(config, Node.Unseal.none(), Clock.systemUTC())) {
      RequestContext admin = node.installation().localContextFor("admin@home.example");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      node.content().download(admin, stored.file(), OptionalInt.empty()).writeTo(out);
      assertThat(out.toByteArray()).isEqualTo(content);
    }
    assertThat(Files.exists(data.resolve("root.key"))).isFalse();
    assertThat(Files.exists(data.resolve("keys").resolve("root.sealed"))).isFalse();
  }
}
