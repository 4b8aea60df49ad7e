package io.cordon.server;

import io.cordon.audit.AuditSearch;
import io.cordon.audit.AuditService;
import io.cordon.audit.AuditTree;
import io.cordon.audit.CheckpointService;
import io.cordon.audit.signature.SignatureKeyStore;
import io.cordon.audit.signature.SignatureService;
import io.cordon.audit.signature.StampedRenditions;
import io.cordon.audit.witness.InstallationCosigner;
import io.cordon.audit.witness.WitnessService;
import io.cordon.content.BlobMaintenance;
import io.cordon.content.BlobSweeper;
import io.cordon.content.ContentService;
import io.cordon.content.LegalHoldService;
import io.cordon.content.RecordLifecycleService;
import io.cordon.content.RetentionPurge;
import io.cordon.content.WorkspaceService;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyHierarchy;
import io.cordon.crypto.KeyService;
import io.cordon.crypto.KeyVault;
import io.cordon.door.OneDoor;
import io.cordon.identity.DirectoryService;
import io.cordon.identity.IdentityService;
import io.cordon.identity.InstallationService;
import io.cordon.identity.LoginThrottle;
import io.cordon.identity.PasswordHasher;
import io.cordon.identity.Reauthentication;
import io.cordon.identity.SessionPolicy;
import io.cordon.policy.AttributePolicyEngine;
import io.cordon.policy.service.PolicyService;
import io.cordon.server.config.CordonConfig;
import io.cordon.server.render.PdfBoxSignatureStamp;
import io.cordon.server.web.Services;
import io.cordon.storage.BlobStore;
import io.cordon.storage.MetadataStore;
import io.cordon.store.blob.LocalBlobStore;
import io.cordon.store.keys.Pkcs11KeyVault;
import io.cordon.store.keys.Pkcs11Settings;
import io.cordon.store.keys.SealedFileKeyVault;
import io.cordon.store.keys.Sealing;
import io.cordon.store.sql.MetadataStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One running Cordon node, assembled from configuration: key vault, metadata store, blob store, key
 * hierarchy, the one door and every application service. Commands and the server share it, so that
 * every channel reaches the same services. Close it to release the database and the vault.
 */
public final class Node implements AutoCloseable {
  private final CordonConfig config;
  private final KeyVault vault;
  private final MetadataStore store;
  private final BlobStore blobs;
  private final KeyHierarchy keys;
  private final OneDoor door;
  private final AttributePolicyEngine policyEngine;
  private final PolicyService policy;
  private final InstallationService installation;
  private final IdentityService identity;
  private final DirectoryService directory;
  private final WorkspaceService workspaces;
  private final ContentService content;
  private final KeyService keyService;
  private final RecordLifecycleService lifecycle;
  private final LegalHoldService legalHolds;
  private final AuditService audit;
  private final AuditSearch auditSearch;
  private final AuditTree auditTree;
  private final CheckpointService checkpoints;
  private final CheckpointDirectory checkpointExport;
  private final InstallationCosigner cosigner;
  private final WitnessService witness;
  private final SignatureKeyStore signatureKeys;
  private final SignatureService signatures;
  private final StampedRenditions renditions;
  private final Clock clock;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Node(CordonConfig config, KeyVault vault, MetadataStore store, Clock clock) {
    this.config = config;
    this.vault = vault;
    this.store = store;
    this.clock = clock;
    this.blobs = new LocalBlobStore(config.blobs().dir());
    this.keys = new KeyHierarchy(vault, clock);
    this.policyEngine = new AttributePolicyEngine(PolicyFiles.load(config.policy().dir()), clock);
    this.door = new OneDoor(store, policyEngine, clock);
    this.policy = new PolicyService(door, policyEngine);
    PasswordHasher hasher = new PasswordHasher();
    this.installation = new InstallationService(store, keys, hasher, clock);
    LoginThrottle throttle =
        new LoginThrottle(
            new LoginThrottle.Policy(
                config.login().maxFailures(),
                Duration.ofMinutes(1),
                max(config.login().lockout(), Duration.ofMinutes(1)),
                LoginThrottle.Policy.DEFAULT.attemptsPerAddress(),
                LoginThrottle.Policy.DEFAULT.addressWindow(),
                LoginThrottle.Policy.DEFAULT.maxTrackedAddresses()),
            clock);
    this.identity =
        new IdentityService(
            store,
            hasher,
            throttle,
            () -> keys.aead(installation.systemSecrets()),
            new SessionPolicy(config.session().idleTimeout(), config.session().absoluteTimeout()),
            clock,
            "Cordon");
    this.directory = new DirectoryService(door, hasher);
    this.workspaces = new WorkspaceService(door, keys, config.content().retentionDefault());
    this.lifecycle = new RecordLifecycleService(door);
    this.legalHolds = new LegalHoldService(door);
    this.content = new ContentService(door, store, blobs, keys, config.upload().maxBytes().bytes());
    this.keyService = new KeyService(door, keys);
    this.auditTree = new AuditTree(store);
    this.checkpointExport =
        new CheckpointDirectory(config.dataDir().resolve("audit").resolve("checkpoints"));
    this.checkpoints = new CheckpointService(store, vault, auditTree, checkpointExport, clock);
    this.audit = new AuditService(door, checkpoints, auditTree);
    this.auditSearch = new AuditSearch(door, store);
    this.cosigner = new InstallationCosigner(store, vault);
    this.witness = new WitnessService(door, cosigner);
    this.signatureKeys = new SignatureKeyStore(store, vault);
    this.signatures =
        new SignatureService(
            door,
            store,
            new Reauthentication(
                store, hasher, throttle, () -> keys.aead(installation.systemSecrets()), clock),
            signatureKeys);
    this.renditions =
        new StampedRenditions(
            signatures,
            content,
            new PdfBoxSignatureStamp(),
            door,
            StampedRenditions.DEFAULT_MAX_BYTES);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Opens an initialised data directory. */
  public static Node open(CordonConfig config, Unseal unseal, Clock clock) {
    if (!isInitialised(config.dataDir())) {
      throw new CordonException.Conflict(
          "no initialised Cordon data directory at "
              + config.dataDir()
              + " (run 'cordon init' first)");
    }
    KeyVault vault = openVault(config, unseal, false);
    try {
      MetadataStore store = MetadataStores.open(config.db().url(), config.dataDir());
      return new Node(config, vault, store, clock);
    } catch (RuntimeException e) {
      vault.close();
      throw e;
    }
  }

  /** Creates the key vault and database of a new installation, then opens it. */
  public static Node create(CordonConfig config, Unseal unseal, Clock clock) {
    if (isInitialised(config.dataDir())) {
      throw new CordonException.Conflict(
          "the data directory "
              + config.dataDir()
              + " is already initialised; refusing to overwrite it");
    }
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot create " + config.dataDir(), e);
    }
    KeyVault vault = openVault(config, unseal, true);
    try {
      MetadataStore store = MetadataStores.open(config.db().url(), config.dataDir());
      Files.writeString(
          marker(config.dataDir()), "cordon data directory\n", StandardCharsets.UTF_8);
      return new Node(config, vault, store, clock);
    } catch (IOException e) {
      vault.close();
      throw new CordonException.Unavailable("cannot write to " + config.dataDir(), e);
    } catch (RuntimeException e) {
      vault.close();
      throw e;
    }
  }

  public static boolean isInitialised(Path dataDir) {
    return Files.exists(marker(dataDir));
  }

  private static Path marker(Path dataDir) {
    return dataDir.resolve("CORDON");
  }

  private static KeyVault openVault(CordonConfig config, Unseal unseal, boolean create) {
    if (config.keys().vault() == CordonConfig.Vault.PKCS11 || unseal.pkcs11()) {
      CordonConfig.Pkcs11 p = config.keys().pkcs11();
      Pkcs11Settings settings =
          new Pkcs11Settings(
              p.library()
                  .orElseThrow(
                      () ->
                          new CordonException.InvalidInput(
                              "keys.pkcs11.library is required for a PKCS#11 key vault")),
              p.slot()
                  .orElseThrow(
                      () ->
                          new CordonException.InvalidInput(
                              "keys.pkcs11.slot is required for a PKCS#11 key vault")),
              p.pinFile()
                  .orElseThrow(
                      () ->
                          new CordonException.InvalidInput(
                              "keys.pkcs11.pin-file is required for a PKCS#11 key vault")));
      return Pkcs11KeyVault.open(settings);
    }
    Sealing sealing = unseal.sealing(config.dataDir(), create);
    return create
        ? SealedFileKeyVault.create(config.dataDir(), sealing)
        : SealedFileKeyVault.open(config.dataDir(), sealing);
  }

  /** Removes what an interrupted upload or a crash left in the blob store. */
  /** Housekeeping of this node (start-up, the periodic tick); not a request, so not audited. */
  public BlobSweeper.Result sweepBlobs(Duration grace) {
    return new BlobSweeper(store, blobs, clock).sweep(grace);
  }

  /** An operator's sweep, through the one door (policy, audit). */
  public BlobMaintenance blobMaintenance() {
    return new BlobMaintenance(door, new BlobSweeper(store, blobs, clock));
  }

  /** Purges the content of deleted files whose retention ended, through the one door. */
  public RetentionPurge retentionPurge() {
    return new RetentionPurge(door, store, blobs);
  }

  /** Soft deletion, restoration and retention rules. */
  public RecordLifecycleService lifecycle() {
    return lifecycle;
  }

  public LegalHoldService legalHolds() {
    return legalHolds;
  }

  public Services httpServices() {
    return new Services(
        identity,
        directory,
        workspaces,
        content,
        audit,
        auditSearch,
        lifecycle,
        legalHolds,
        witness,
        signatures,
        renditions,
        policy,
        this::isReady);
  }

  /** Whether the metadata store answers (the readiness probe). */
  public boolean isReady() {
    try {
      store.read(tx -> tx.audit().lastSeq());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The policy in force: explanations, and reloading {@code policy.dir}. */
  public PolicyService policy() {
    return policy;
  }

  /** How many policy decisions this node has taken (a metric; the route-matrix test reads it). */
  public long policyDecisions() {
    return door.decisionCount();
  }

  public CordonConfig config() {
    return config;
  }

  public KeyVault vault() {
    return vault;
  }

  public MetadataStore store() {
    return store;
  }

  public InstallationService installation() {
    return installation;
  }

  public IdentityService identity() {
    return identity;
  }

  public DirectoryService directory() {
    return directory;
  }

  public WorkspaceService workspaces() {
    return workspaces;
  }

  public ContentService content() {
    return content;
  }

  public KeyService keyService() {
    return keyService;
  }

  public AuditService audit() {
    return audit;
  }

  /** Audit search, export and a file's activity. */
  public AuditSearch auditSearch() {
    return auditSearch;
  }

  /** The installation's e-signature key (created on first use). */
  public SignatureKeyStore signatureKeys() {
    return signatureKeys;
  }

  /** Electronic signatures and receipts. */
  public SignatureService signatures() {
    return signatures;
  }

  /** Signs and serves checkpoints of the audit tree. */
  public CheckpointService checkpoints() {
    return checkpoints;
  }

  /** Cordon as a witness: cosigns registered logs' checkpoints. */
  public WitnessService witness() {
    return witness;
  }

  /** This installation's witness key (created on first use). */
  public InstallationCosigner cosigner() {
    return cosigner;
  }

  /** Where checkpoints (and, once cosigned, their cosigned notes) are exported. */
  CheckpointDirectory checkpointExport() {
    return checkpointExport;
  }

  /** The audit trail's Merkle tree as this node has caught up with it. */
  public AuditTree auditTree() {
    return auditTree;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      store.close();
    } finally {
      vault.close();
    }
  }

  /**
   * How to unseal (or, at init, seal) the root key: from options and the environment.
   *
   * @param passphrase from {@code --passphrase-file} or {@code CORDON_PASSPHRASE}
   */
  public record Unseal(Optional<Secret> passphrase, Optional<Path> rootKeyFile, boolean pkcs11) {
    public static Unseal none() {
      return new Unseal(Optional.empty(), Optional.empty(), false);
    }

    Sealing sealing(Path dataDir, boolean create) {
      if (rootKeyFile.isPresent()) {
        return Sealing.keyFile(rootKeyFile.get().toAbsolutePath().normalize());
      }
      if (passphrase.isPresent()) {
        return Sealing.passphrase(passphrase.get());
      }
      if (create || Files.exists(dataDir.resolve("root.key"))) {
        return Sealing.insecureDevelopmentKey();
      }
      throw new CordonException.InvalidInput(
          "the root key is sealed by a passphrase or key file:"
              + " pass --passphrase-file FILE, set CORDON_PASSPHRASE, or pass --root-key-file FILE");
    }
  }
}
