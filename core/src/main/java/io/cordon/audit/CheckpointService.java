package io.cordon.audit;

import io.cordon.audit.checkpoint.Checkpoint;
import io.cordon.audit.checkpoint.CheckpointSigner;
import io.cordon.audit.checkpoint.Ed25519NoteSigner;
import io.cordon.audit.checkpoint.VerifierKey;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyVault;
import io.cordon.identity.InstallationService;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs checkpoints of the audit tree (API.md "Checkpoint format"): origin {@code cordon/<install
 * id>}, Ed25519. The signing key is created once per installation and stored only wrapped by the
 * key vault's root key; it is unwrapped into memory for signing (a PKCS#11 token cannot hold
 * Ed25519 keys for the JDK). Each new checkpoint is stored and handed to a {@link CheckpointSink}.
 *
 * <p>Thread-safe.
 */
public final class CheckpointService {
  /** The setting that holds the wrapped signing key (base64). */
  public static final String SIGNING_KEY = "audit.checkpoint-key";

  private static final byte[] KEY_PURPOSE =
      "cordon/audit/checkpoint-signing-key/v1".getBytes(StandardCharsets.UTF_8);

  private final MetadataStore store;
  private final KeyVault vault;
  private final AuditTree tree;
  private final CheckpointSink sink;
  private final Clock clock;
  private Ed25519NoteSigner signer;

  public CheckpointService(
      MetadataStore store, KeyVault vault, AuditTree tree, CheckpointSink sink, Clock clock) {
    this.store = store;
    this.vault = vault;
    this.tree = tree;
    this.sink = sink;
    this.clock = clock;
  }

  /**
   * Signs and stores a checkpoint of the whole trail if events arrived since the newest one.
   *
   * @return the new checkpoint, or empty when there was nothing new
   */
  public synchronized Optional<StoredCheckpoint> publish() {
    long size = tree.catchUp();
    long covered = latest().map(StoredCheckpoint::treeSize).orElse(0L);
    if (size == 0 || size <= covered) {
      return Optional.empty();
    }
    byte[] root = tree.rootHash(size);
    String note = new CheckpointSigner(signer()).sign(new Checkpoint(origin(), size, root));
    StoredCheckpoint made = new StoredCheckpoint(size, root, note, clock.instant());
    try {
      store.inTransaction(
          tx -> {
            tx.checkpoints().insert(made);
            return null;
          });
    } catch (CordonException.Conflict e) {
      return Optional.empty(); // Another node checkpointed this size first: the same tree.
    }
    sink.publish(made);
    return Optional.of(made);
  }

  /** The newest stored checkpoint. */
  public Optional<StoredCheckpoint> latest() {
    return store.read((Transaction tx) -> tx.checkpoints().latest());
  }

  /** The key that verifies this installation's checkpoints, in signed-note verifier-key form. */
  public synchronized VerifierKey verifierKey() {
    return signer().verifierKey();
  }

  /**
   * The verifier key if the signing key exists yet; never creates it (safe to call where creating
   * would need a second write transaction).
   */
  public synchronized Optional<VerifierKey> existingVerifierKey() {
    if (signer == null
        && store.read((Transaction tx) -> tx.settings().get(SIGNING_KEY)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(signer().verifierKey());
  }

  /** {@code cordon/<install id>}. */
  public String origin() {
    return "cordon/"
        + store
            .read((Transaction tx) -> tx.settings().get(InstallationService.INSTALL_ID))
            .orElseThrow(() -> new CordonException.Conflict("the installation is not initialised"));
  }

  private Ed25519NoteSigner signer() {
    if (signer == null) {
      signer = loadOrCreate();
    }
    return signer;
  }

  private String newWrappedKey(String origin) {
    try (Secret key = Ed25519NoteSigner.generate(origin).signerKey()) {
      byte[] plain = key.bytes();
      try {
        return Base64.getEncoder().encodeToString(vault.encrypt(plain, KEY_PURPOSE));
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** Reads the wrapped key, creating it first if this installation has none yet. */
  private Ed25519NoteSigner loadOrCreate() {
    String origin = origin();
    String wrapped =
        store.inTransaction(
            tx -> {
              if (tx.settings().get(SIGNING_KEY).isEmpty()) {
                tx.settings().putIfAbsent(SIGNING_KEY, newWrappedKey(origin));
              }
              // Whoever stored first, every node signs with that one key.
              return tx.settings().get(SIGNING_KEY).orElseThrow();
            });
    byte[] plain = vault.decrypt(Base64.getDecoder().decode(wrapped), KEY_PURPOSE);
    try (Secret key = Secret.of(plain)) {
      Ed25519NoteSigner loaded = Ed25519NoteSigner.fromSignerKey(key);
      if (!loaded.keyName().equals(origin)) {
        throw new CordonException.IntegrityViolation(
            "the checkpoint key is named " + loaded.keyName() + ", not " + origin, null);
      }
      return loaded;
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }
}
