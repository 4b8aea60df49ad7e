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
import io.cordon.content.ResumableUploadService;
import io.cordon.content.RetentionPurge;
import io.cordon.content.WorkspaceService;
import io.cordon.context.CordonException;
import io.cordon.context.GeoLocator;
import io.cordon.context.NetworkSignals;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyHierarchy;
import io.cordon.crypto.KeyService;
import io.cordon.crypto.KeyVault;
import io.cordon.door.OneDoor;
import io.cordon.door.SelfServiceAccess;
import io.cordon.door.TelemetryAccess;
import io.cordon.identity.DeviceService;
import io.cordon.identity.DirectoryService;
import io.cordon.identity.IdentityService;
import io.cordon.identity.InMemorySessionRisk;
import io.cordon.identity.InstallationService;
import io.cordon.identity.LoginThrottle;
import io.cordon.identity.MfaEnforcementService;
import io.cordon.identity.MfaRequirement;
import io.cordon.identity.PasskeyService;
import io.cordon.identity.PasswordHasher;
import io.cordon.identity.Reauthentication;
import io.cordon.identity.RecoveryCodeService;
import io.cordon.identity.SessionPolicy;
import io.cordon.identity.WebAuthnSettings;
import io.cordon.inspect.ContentExtractor;
import io.cordon.inspect.InspectionService;
import io.cordon.inspect.InspectionSettings;
import io.cordon.inspect.Inspector;
import io.cordon.inspect.LabelService;
import io.cordon.inspect.MalwareScanner;
import io.cordon.inspect.tika.TikaExtractor;
import io.cordon.policy.AttributePolicyEngine;
import io.cordon.policy.service.PolicyService;
import io.cordon.server.config.CordonConfig;
import io.cordon.server.geo.MaxMindGeoLocator;
import io.cordon.server.malware.ClamdScanner;
import io.cordon.server.metrics.Telemetry;
import io.cordon.server.render.PdfBoxSignatureStamp;
import io.cordon.server.render.PdfBoxViewRenderer;
import io.cordon.server.web.ContextSources;
import io.cordon.server.web.Services;
import io.cordon.sharing.FileOwnerNotice;
import io.cordon.sharing.InvitationService;
import io.cordon.sharing.MailSeal;
import io.cordon.sharing.ShareAccess;
import io.cordon.sharing.SharingService;
import io.cordon.sharing.SharingSettings;
import io.cordon.sharing.UploadRequestService;
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
  private final Telemetry telemetry = new Telemetry(this::isReady);
  private final AttributePolicyEngine policyEngine;
  private final PolicyService policy;
  private final InstallationService installation;
  private final IdentityService identity;
  private final PasskeyService passkeys;
  private final RecoveryCodeService recoveryCodes;
  private final DirectoryService directory;
  private final WorkspaceService workspaces;
  private final ContentService content;
  private final ResumableUploadService uploads;
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
  private final DeviceService devices;
  private final InMemorySessionRisk sessionRisk;
  private final Optional<MaxMindGeoLocator> geo;
  private final NetworkSignals network;
  private final SharingService sharing;
  private final ShareAccess shareAccess;
  private final InvitationService invitations;
  private final UploadRequestService uploadRequests;
  private final MailSeal mailSeal;
  private final InspectionService inspection;
  private final LabelService labels;
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
            "Cordon",
            new MfaRequirement(config.mfa().requiredRoles()));
    this.passkeys = new PasskeyService(store, identity, webAuthn(config), clock);
    this.recoveryCodes = new RecoveryCodeService(store, identity, throttle, clock);
    this.directory = new DirectoryService(door, hasher);
    this.workspaces = new WorkspaceService(door, keys, config.content().retentionDefault());
    this.lifecycle = new RecordLifecycleService(door);
    this.legalHolds = new LegalHoldService(door);
    this.content =
        new ContentService(door, store, blobs, keys, config.upload().maxBytes().bytes(), identity);
    this.uploads =
        new ResumableUploadService(
            door,
            store,
            blobs,
            keys,
            content,
            config.upload().maxBytes().bytes(),
            config.upload().resumableLifetime());
    this.devices = new DeviceService(door, store);
    this.sessionRisk = new InMemorySessionRisk(clock);
    this.geo = config.geoip().mmdb().map(MaxMindGeoLocator::open);
    this.network =
        new NetworkSignals(
            config.network().trustedProxies(),
            config.network().zones(),
            geo.<GeoLocator>map(g -> g).orElse(GeoLocator.NONE));
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
    SharingSettings sharingSettings = sharingSettings(config);
    this.mailSeal = new MailSeal(() -> keys.aead(installation.systemSecrets()));
    door.notifyOwnersThrough(new FileOwnerNotice(mailSeal, sharingSettings, clock));
    this.sharing = new SharingService(door, sharingSettings, mailSeal);
    // One document parser for the viewer and for inspection, built when first needed.
    ContentExtractor documents = TikaExtractor.lazily(config.inspect().limits());
    this.shareAccess =
        new ShareAccess(
            content, store, new PdfBoxViewRenderer(documents), sharingSettings, mailSeal, clock);
    this.invitations = new InvitationService(door, store, hasher, sharingSettings, mailSeal, clock);
    this.uploadRequests = new UploadRequestService(door, store, content, sharingSettings, mailSeal);
    this.inspection = inspection(config, store, content, documents, clock);
    this.labels = new LabelService(door, store);
  }

  /**
   * The inspection worker. {@code extractor} is the one place where the document parser is chosen:
   * plain text here, Apache Tika when its adapter is on the class path.
   */
  private static InspectionService inspection(
      CordonConfig config,
      MetadataStore store,
      ContentService content,
      ContentExtractor extractor,
      Clock clock) {
    CordonConfig.Inspect c = config.inspect();
    Optional<MalwareScanner> scanner = c.clamd().map(url -> ClamdScanner.of(url, c.clamdTimeout()));
    return new InspectionService(
        store,
        content,
        extractor,
        Inspector.standard(),
        scanner,
        clock,
        new InspectionSettings(c.workers(), c.lease(), c.maxAttempts(), Duration.ofSeconds(2)));
  }

  /** The inspection worker (started by a serving node; tools may drain it on their thread). */
  public InspectionService inspection() {
    return inspection;
  }

  public LabelService labels() {
    return labels;
  }

  private static SharingSettings sharingSettings(CordonConfig config) {
    CordonConfig.Sharing s = config.sharing();
    return new SharingSettings(
        java.util.Set.copyOf(s.allowedDomains()),
        s.invitationTtl(),
        s.linkBase().orElse("https://localhost:" + config.http().port()),
        StampedRenditions.DEFAULT_MAX_BYTES);
  }

  /** The relying party from {@code webauthn.*}, its defaults derived from the listener. */
  static WebAuthnSettings webAuthn(CordonConfig config) {
    CordonConfig.Webauthn w = config.webauthn();
    String rpId = w.relyingPartyId(config.http().bind());
    boolean derived = w.origins().isEmpty();
    return new WebAuthnSettings(
        rpId,
        "Cordon",
        derived ? java.util.Set.of("https://" + rpId) : java.util.Set.copyOf(w.origins()),
        derived,
        w.challengeTtl());
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

  /**
   * Removes what an interrupted upload or a crash left in the blob store: housekeeping of this node
   * (start-up, the periodic tick); not a request, so not audited.
   */
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
        uploads,
        audit,
        auditSearch,
        lifecycle,
        legalHolds,
        witness,
        signatures,
        renditions,
        new TelemetryAccess(door),
        new SelfServiceAccess(door),
        telemetry,
        passkeys,
        recoveryCodes,
        sharing,
        shareAccess,
        invitations,
        uploadRequests,
        policy,
        new MfaEnforcementService(door, new MfaRequirement(config.mfa().requiredRoles())),
        labels,
        this::isReady,
        new ContextSources(network, sessionRisk, devices, config.network().deviceCookieLifetime()));
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

  /** WebAuthn passkeys: registration, second factor, step-up. */
  public PasskeyService passkeys() {
    return passkeys;
  }

  /** One-time recovery codes. */
  public RecoveryCodeService recoveryCodes() {
    return recoveryCodes;
  }

  public DirectoryService directory() {
    return directory;
  }

  public WorkspaceService workspaces() {
    return workspaces;
  }

  /** Resumable (tus) uploads. */
  public ResumableUploadService uploads() {
    return uploads;
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

  /** Shares of files with partners. */
  public SharingService sharing() {
    return sharing;
  }

  /** Downloads and watermarked views, for members and share recipients. */
  public ShareAccess shareAccess() {
    return shareAccess;
  }

  /**
   * Sends the outbox's mail over SMTP when {@code smtp.host} is set; otherwise mail waits there.
   */
  public io.cordon.sharing.OutboxSender outboxSender() {
    CordonConfig.Smtp smtp = config.smtp();
    return new io.cordon.sharing.OutboxSender(
        store,
        smtp.host()
            .map(
                host ->
                    new io.cordon.server.mail.SmtpMailTransport(
                        host, smtp.port(), smtp.from().orElseThrow(), Duration.ofSeconds(30))),
        mailSeal,
        clock);
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

  /** Device recognition: registered devices, their listing and revocation. */
  public DeviceService devices() {
    return devices;
  }

  /** The session risk scores that behaviour analytics raise and every request reads. */
  public InMemorySessionRisk sessionRisk() {
    return sessionRisk;
  }

  /** Client address, zone and location of requests. */
  public NetworkSignals network() {
    return network;
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      inspection.close();
      telemetry.close();
      store.close();
    } finally {
      vault.close();
      geo.ifPresent(
          g -> {
            try {
              g.close();
            } catch (IOException e) {
              // The memory-mapped database is released with the process anyway.
            }
          });
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
