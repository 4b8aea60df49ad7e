package io.cordon.audit.signature;

import com.google.crypto.tink.subtle.Ed25519Sign;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyVault;
import io.cordon.storage.MetadataStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Creates the installation's signature key once and loads it: the 32-byte Ed25519 seed is stored
 * only wrapped by the key vault's root key (AES-GCM, associated data naming its purpose) in the
 * setting {@link #SETTING}. Several nodes racing at first start agree on the first stored key
 * ({@code Settings.putIfAbsent}). A PKCS#11 token cannot hold Ed25519 keys for the JDK, so the key
 * is unwrapped into memory, as the checkpoint key is. Thread-safe.
 */
public final class SignatureKeyStore {
  /** The setting that holds the wrapped seed (base64). */
  public static final String SETTING = "audit.signature-key";

  private static final byte[] PURPOSE =
      "cordon/audit/e-signature-key/v1".getBytes(StandardCharsets.UTF_8);

  private final MetadataStore store;
  private final KeyVault vault;
  private SignatureKey key;

  public SignatureKeyStore(MetadataStore store, KeyVault vault) {
    this.store = store;
    this.vault = vault;
  }

  /** The key, created and stored first if this installation has none yet. */
  public synchronized SignatureKey key() {
    if (key == null) {
      key = loadOrCreate();
    }
    return key;
  }

  private SignatureKey loadOrCreate() {
    String wrapped =
        store.inTransaction(
            tx -> {
              if (tx.settings().get(SETTING).isEmpty()) {
                tx.settings().putIfAbsent(SETTING, newWrappedSeed());
              }
              return tx.settings().get(SETTING).orElseThrow();
            });
    byte[] seed = vault.decrypt(Base64.getDecoder().decode(wrapped), PURPOSE);
    try (Secret secret = Secret.of(seed)) {
      return SignatureKey.fromSeed(secret);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private String newWrappedSeed() {
    byte[] seed = null;
    try {
      seed = Ed25519Sign.KeyPair.newKeyPair().getPrivateKey();
      return Base64.getEncoder().encodeToString(vault.encrypt(seed, PURPOSE));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 key generation failed", e);
    } finally {
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }
}
