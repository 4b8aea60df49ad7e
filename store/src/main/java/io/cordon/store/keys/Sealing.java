package io.cordon.store.keys;

import io.cordon.context.Secret;
import java.nio.file.Path;

/**
 * How the root key is sealed at rest: what derives or holds the sealing key. Passphrase and key
 * file are for production; {@link #insecureDevelopmentKey()} keeps the sealing key beside the data
 * it protects, which protects nothing against anyone who can read the data directory.
 */
public sealed interface Sealing {
  /** The sealing key is Argon2id (RFC 9106) of a passphrase; {@code kdf} applies on create. */
  record Passphrase(Secret passphrase, Argon2Settings kdf) implements Sealing {
    public Passphrase {
      if (passphrase == null || kdf == null) {
        throw new IllegalArgumentException("incomplete passphrase sealing");
      }
    }
  }

  /**
   * The sealing key is 32 random bytes in a file outside the data directory (on other storage, e.g.
   * a mounted secret), created with mode 0600 if absent.
   */
  record KeyFile(Path path) implements Sealing {
    public KeyFile {
      if (path == null) {
        throw new IllegalArgumentException("no key file");
      }
    }
  }

  /** FOR DEVELOPMENT ONLY: the sealing key lives in {@code DATA/root.key}. */
  record InsecureDevelopmentKey() implements Sealing {}

  static Sealing passphrase(Secret passphrase) {
    return new Passphrase(passphrase, Argon2Settings.defaults());
  }

  static Sealing keyFile(Path path) {
    return new KeyFile(path);
  }

  /** FOR DEVELOPMENT ONLY; see {@link InsecureDevelopmentKey}. */
  static Sealing insecureDevelopmentKey() {
    return new InsecureDevelopmentKey();
  }

  /** The stable code recorded in the sealed file. */
  default String code() {
    return switch (this) {
      case Passphrase p -> "passphrase";
      case KeyFile k -> "key-file";
      case InsecureDevelopmentKey d -> "development";
    };
  }
}
