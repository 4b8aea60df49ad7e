package io.cordon.audit.witness;

import io.cordon.audit.checkpoint.CosignerKey;
import io.cordon.audit.checkpoint.Ed25519Cosigner;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyVault;
import io.cordon.identity.InstallationService;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * This installation's witness key (Ed25519, cosignature/v1), named {@code cordon/<install
 * id>/witness}. Created once per installation, even with nodes racing ({@code
 * Settings.putIfAbsent}), and stored only wrapped by the key vault's root key, as the checkpoint
 * key is; unwrapped into memory to cosign (a PKCS#11 token cannot hold Ed25519 keys for the JDK).
 *
 * <p>Thread-safe.
 */
public final class InstallationCosigner {
  /** The setting that holds the wrapped private key (base64). */
  public static final String WITNESS_KEY = "audit.witness-key";

  private static final byte[] KEY_PURPOSE =
      "cordon/audit/witness-cosigning-key/v1".getBytes(StandardCharsets.UTF_8);

  private final MetadataStore store;
  private final KeyVault vault;
  private Ed25519Cosigner cosigner;

  public InstallationCosigner(MetadataStore store, KeyVault vault) {
    this.store = store;
    this.vault = vault;
  }

  /** The cosigner, created on first use. Never call inside a transaction (it opens its own). */
  public synchronized Ed25519Cosigner cosigner() {
    if (cosigner == null) {
      cosigner = loadOrCreate();
    }
    return cosigner;
  }

  /** The public key to publish. */
  public CosignerKey key() {
    return cosigner().key();
  }

  private Ed25519Cosigner loadOrCreate() {
    String name =
        "cordon/"
            + store
                .read((Transaction tx) -> tx.settings().get(InstallationService.INSTALL_ID))
                .orElseThrow(
                    () -> new CordonException.Conflict("the installation is not initialised"))
            + "/witness";
    String wrapped =
        store.inTransaction(
            tx -> {
              if (tx.settings().get(WITNESS_KEY).isEmpty()) {
                tx.settings().putIfAbsent(WITNESS_KEY, newWrappedSeed());
              }
              return tx.settings().get(WITNESS_KEY).orElseThrow();
            });
    byte[] seed = vault.decrypt(Base64.getDecoder().decode(wrapped), KEY_PURPOSE);
    try (Secret secret = Secret.of(seed)) {
      return Ed25519Cosigner.fromSeed(name, secret);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private String newWrappedSeed() {
    try (Secret seed = Ed25519Cosigner.generateSeed()) {
      byte[] plain = seed.bytes();
      try {
        return Base64.getEncoder().encodeToString(vault.encrypt(plain, KEY_PURPOSE));
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }
}
