package io.cordon.server.cli;

import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;

/** The options that locate and unlock a node: data directory, configuration, root key. */
public final class NodeOptions {
  @Mixin DataOptions data;

  @ArgGroup(exclusive = false, heading = "Root key:%n")
  UnsealOptions unseal = new UnsealOptions();

  private final Map<String, String> environment;

  public NodeOptions() {
    this(System.getenv());
  }

  NodeOptions(Map<String, String> environment) {
    this.environment = environment;
  }

  public CordonConfig config() {
    return new ConfigLoader(environment).load(data.dataDir(), data.configFile());
  }

  public Node.Unseal unseal() {
    Optional<Secret> passphrase = Optional.empty();
    if (unseal.passphraseFile().isPresent()) {
      passphrase = Optional.of(Secret.ofChars(readSecret(unseal.passphraseFile().get())));
    } else if (environment.containsKey("CORDON_PASSPHRASE")) {
      passphrase = Optional.of(Secret.ofChars(environment.get("CORDON_PASSPHRASE").toCharArray()));
    }
    return new Node.Unseal(passphrase, unseal.rootKeyFile(), unseal.pkcs11());
  }

  public Node open() {
    return Node.open(config(), unseal(), Clock.systemUTC());
  }

  /** Reads a secret from a file, without a trailing newline. */
  static char[] readSecret(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8);
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
        end--;
      }
      if (end == 0) {
        throw new CordonException.InvalidInput(file + " is empty");
      }
      return s.substring(0, end).toCharArray();
    } catch (IOException e) {
      throw new CordonException.InvalidInput("cannot read " + file + ": " + e.getMessage());
    }
  }
}
