package io.cordon.server.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the root key is unsealed: a passphrase (from a file, or the environment variable {@code
 * CORDON_PASSPHRASE}), a key file kept outside the data directory, or a PKCS#11 token.
 */
public final class UnsealOptions {
  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "File holding the passphrase that seals the root key (or set CORDON_PASSPHRASE).")
  Path passphraseFile;

  @Option(
      names = "--root-key-file",
      paramLabel = "FILE",
      description = "Key file (kept outside the data directory) that seals the root key.")
  Path rootKeyFile;

  @Option(
      names = "--pkcs11",
      description = "Keep the root key in a PKCS#11 token (keys.pkcs11.* in the configuration).")
  boolean pkcs11;

  public Optional<Path> passphraseFile() {
    return Optional.ofNullable(passphraseFile);
  }

  public Optional<Path> rootKeyFile() {
    return Optional.ofNullable(rootKeyFile);
  }

  public boolean pkcs11() {
    return pkcs11;
  }
}
