package io.cordon.audit.signature;

import com.google.crypto.tink.subtle.Ed25519Sign;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyVault;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Creates the installation's signature key once, loads it, and rotates it: the 32-byte Ed25519 seed
 * of the current key is stored only wrapped by the key vault's root key (AES-GCM, associated data
 * naming its purpose) in the setting {@link #SETTING}; keys retired by rotation keep only their
 * public half, in {@link #RETIRED}, so that the records they sealed stay verifiable. Several nodes
 * racing at first start agree on the first stored key ({@code Settings.putIfAbsent}), and a
 * rotation replaces the current key by compare-and-set, so two rotations cannot both win. Every
 * node follows a rotation made elsewhere (by another node or the offline CLI) the next time it
 * signs. A PKCS#11 token cannot hold Ed25519 keys for the JDK, so the key is unwrapped into memory,
 * as the checkpoint key is. Thread-safe.
 */
public final class SignatureKeyStore {
  /** The setting that holds the wrapped seed of the current key (base64). */
  public static final String SETTING = "audit.signature-key";

  /** The setting that lists retired keys, one per line: id, base64 public key, retirement time. */
  public static final String RETIRED = "audit.signature-key.retired";

  private static final byte[] PURPOSE =
      "cordon/audit/e-signature-key/v1".getBytes(StandardCharsets.UTF_8);

  private final MetadataStore store;
  private final KeyVault vault;
  private String loadedFrom;
  private SignatureKey key;

  public SignatureKeyStore(MetadataStore store, KeyVault vault) {
    this.store = store;
    this.vault = vault;
  }

  /** The current key, created and stored first if this installation has none yet. */
  public SignatureKey key() {
    return store.inTransaction(this::current);
  }

  /** The current key and every retired one, for verifying records sealed by any of them. */
  public SignatureKeyRing ring() {
    return store.inTransaction(tx -> new SignatureKeyRing(current(tx), retired(tx)));
  }

  /**
   * In the caller's transaction: a new current key; the old one is retired, keeping its public
   * half. The caller audits the rotation in the same transaction.
   *
   * @throws CordonException.Conflict if another rotation committed since this one read the key
   */
  public Rotation rotate(Transaction tx, Instant now) {
    SignatureKey old = current(tx);
    String wrapped = tx.settings().get(SETTING).orElseThrow();
    String fresh = newWrappedSeed();
    if (!tx.settings().replace(SETTING, wrapped, fresh)) {
      throw new CordonException.Conflict("the e-signature key was rotated concurrently; try again");
    }
    String line =
        old.id() + " " + Base64.getEncoder().encodeToString(old.publicKey()) + " " + now + "\n";
    tx.settings().put(RETIRED, tx.settings().get(RETIRED).orElse("") + line);
    return new Rotation(old.id(), unwrap(fresh).id());
  }

  /** What a rotation did: the key it retired and the key that now seals new records. */
  public record Rotation(String retired, String current) {}

  private synchronized SignatureKey current(Transaction tx) {
    if (tx.settings().get(SETTING).isEmpty()) {
      tx.settings().putIfAbsent(SETTING, newWrappedSeed());
    }
    String wrapped = tx.settings().get(SETTING).orElseThrow();
    if (!wrapped.equals(loadedFrom)) {
      key = unwrap(wrapped);
      loadedFrom = wrapped;
    }
    return key;
  }

  private static List<PublishedKey> retired(Transaction tx) {
    List<PublishedKey> keys = new ArrayList<>();
    for (String line : tx.settings().get(RETIRED).orElse("").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ");
      try {
        keys.add(
            new PublishedKey(
                parts[0],
                Base64.getDecoder().decode(parts[1]),
                Optional.of(Instant.parse(parts[2]))));
      } catch (RuntimeException e) {
        throw new CordonException.IntegrityViolation(
            "the list of retired signature keys is damaged", e);
      }
    }
    return keys;
  }

  private SignatureKey unwrap(String wrapped) {
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
