package io.cordon.server.cli;

import io.cordon.identity.DirectoryService;
import io.cordon.server.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon init}: a new data directory, its keys and the first administrator. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a data directory: root key, database, the home organisation and the"
          + " first administrator. Refuses to overwrite an initialised directory.",
      "",
      "The root key is sealed by a passphrase (--passphrase-file or CORDON_PASSPHRASE), a key"
          + " file kept outside the data directory (--root-key-file), or lives in a PKCS#11 token"
          + " (--pkcs11). With none of these, init writes DATA/root.key: a development set-up."
    })
public final class InitCommand implements Callable<Integer> {
  @Mixin NodeOptions node;

  @Option(
      names = "--admin-user",
      required = true,
      paramLabel = "NAME",
      description = "Username of the first administrator.")
  String adminUser;

  @Option(
      names = "--admin-password-file",
      required = true,
      paramLabel = "FILE",
      description = "File holding the administrator's password (at least 12 characters).")
  Path adminPasswordFile;

  @Option(
      names = "--org",
      paramLabel = "NAME",
      defaultValue = "Home",
      description = "Name of the home organisation (default: ${DEFAULT-VALUE}).")
  String org;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    char[] password = NodeOptions.readSecret(adminPasswordFile);
    // Refuse bad input before anything is written: a failed init must not leave behind a
    // half-made directory that the next, corrected, init would refuse to overwrite.
    try {
      DirectoryService.checkUsername(adminUser);
      DirectoryService.checkPassword(password);
    } catch (RuntimeException e) {
      Arrays.fill(password, '\0');
      throw e;
    }
    Node.Unseal unseal = node.unseal();
    java.nio.file.Path dataDir = node.config().dataDir();
    boolean createdHere = !java.nio.file.Files.exists(dataDir);
    try (Node n = Node.create(node.config(), unseal, Clock.systemUTC())) {
      try {
        n.installation().initialise(org, adminUser, password);
      } catch (RuntimeException e) {
        n.close();
        if (createdHere) {
          // Nothing of value is in a directory this command made moments ago; leave no half-made
          // installation that a corrected retry would refuse to overwrite.
          DataDirectories.deleteRecursively(dataDir);
        }
        throw e;
      }
      var out = spec.commandLine().getOut();
      out.println("Initialised " + n.config().dataDir());
      out.println("  administrator: " + adminUser.toLowerCase(java.util.Locale.ROOT));
      out.println("  root key: " + describe(n, unseal));
      if (unseal.passphrase().isEmpty()
          && unseal.rootKeyFile().isEmpty()
          && !unseal.pkcs11()
          && !"pkcs11".equals(n.vault().kind())) {
        out.println(
            "  WARNING: development set-up. The root key is sealed by "
                + n.config().dataDir().resolve("root.key")
                + ", next to the data it protects. Use a passphrase, a key file or PKCS#11 in production.");
      }
      return ExitCodes.OK;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static String describe(Node n, Node.Unseal unseal) {
    if ("pkcs11".equals(n.vault().kind())) {
      return "in the PKCS#11 token";
    }
    if (unseal.rootKeyFile().isPresent()) {
      return "sealed by the key file " + unseal.rootKeyFile().get();
    }
    return unseal.passphrase().isPresent() ? "sealed by the passphrase" : "sealed by DATA/root.key";
  }
}
