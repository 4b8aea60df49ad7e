package io.cordon.store.keys;

import java.nio.file.Path;

/**
 * Where the PKCS#11 token is and how to log in to it.
 *
 * @param library the vendor's PKCS#11 module (a shared library)
 * @param slot the token's slot id
 * @param pinFile a file (mode 0600) holding the user PIN, optionally followed by a newline
 * @param keyLabel the {@code CKA_LABEL} of the root key; {@value #DEFAULT_KEY_LABEL} by default
 */
public record Pkcs11Settings(Path library, long slot, Path pinFile, String keyLabel) {
  public static final String DEFAULT_KEY_LABEL = "cordon-root";

  public Pkcs11Settings {
    if (library == null || pinFile == null || keyLabel == null || slot < 0) {
      throw new IllegalArgumentException("incomplete PKCS#11 settings");
    }
    if (!keyLabel.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("key label must be 1-64 letters, digits, . _ -");
    }
    if (library.toString().matches(".*[\"\\n\\r].*")) {
      throw new IllegalArgumentException("library path must not contain quotes or newlines");
    }
  }

  public Pkcs11Settings(Path library, long slot, Path pinFile) {
    this(library, slot, pinFile, DEFAULT_KEY_LABEL);
  }
}
