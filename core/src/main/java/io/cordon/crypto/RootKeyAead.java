package io.cordon.crypto;

import com.google.crypto.tink.Aead;
import io.cordon.context.CordonException;
import java.security.GeneralSecurityException;

/**
 * Presents a {@link KeyVault} as a Tink {@link Aead}, so that keysets can be stored with {@code
 * TinkProtoKeysetFormat.serializeEncryptedKeyset} under the root key without the root key ever
 * leaving the vault (envelope encryption: keys wrapped by a key-encrypting key, NIST SP 800-57 Part
 * 1).
 *
 * <p>A vault's {@link CordonException.IntegrityViolation} becomes the {@link
 * GeneralSecurityException} Tink expects; other vault errors (such as {@code Unavailable}) pass
 * through unchanged, so an unreachable HSM is not mistaken for tampering. Thread-safe if the vault
 * is.
 */
public final class RootKeyAead implements Aead {
  private final KeyVault vault;

  public RootKeyAead(KeyVault vault) {
    if (vault == null) {
      throw new IllegalArgumentException("no key vault");
    }
    this.vault = vault;
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    return vault.encrypt(plaintext, associatedData == null ? new byte[0] : associatedData);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    try {
      return vault.decrypt(ciphertext, associatedData == null ? new byte[0] : associatedData);
    } catch (CordonException.IntegrityViolation e) {
      throw new GeneralSecurityException(DecryptionFailure.MESSAGE);
    }
  }
}
