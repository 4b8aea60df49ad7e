package io.cordon.content;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.StreamingAead;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.CredentialStatus;
import io.cordon.context.RequestContext;
import io.cordon.context.StillAllowed;
import io.cordon.context.Subject;
import io.cordon.crypto.DataKey;
import io.cordon.crypto.DataKeys;
import io.cordon.crypto.KeyHierarchy;
import io.cordon.crypto.KeysetRecord;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.inspect.InspectionState;
import io.cordon.inspect.Inspections;
import io.cordon.inspect.Verdict;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.BlobStore;
import io.cordon.storage.BlobUpload;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Files and versions: the streamed upload and download pipeline.
 *
 * <p>Upload: decide → stream the body through SHA-256 and Tink StreamingAead (a fresh data key per
 * version, associated data = file id + version id) into a temporary blob → publish the blob → one
 * transaction appends the version and its audit event. If the transaction fails, the blob is
 * deleted; if the process dies in between, the sweeper removes the orphan. Plaintext exists only in
 * memory, one buffer at a time.
 *
 * <p>Download: decide and audit → decrypt while hashing → the last buffer is released only after
 * the SHA-256 recorded at upload matched, so a mismatch aborts the response instead of completing
 * it. Thread-safe.
 */
public final class ContentService {
  private static final int BUFFER = 64 * 1024;

  private final OneDoor door;
  private final MetadataStore store;
  private final BlobStore blobs;
  private final KeyHierarchy keys;
  private final long maxUploadBytes;
  private final CredentialStatus credentials;
  private volatile Runnable versionStored = () -> {};

  /** A service whose downloads do not re-check credentials while streaming (tools and tests). */
  public ContentService(
      OneDoor door, MetadataStore store, BlobStore blobs, KeyHierarchy keys, long maxUploadBytes) {
    this(door, store, blobs, keys, maxUploadBytes, CredentialStatus.TRUSTED);
  }

  /**
   * @param maxUploadBytes the largest file accepted; a longer body is refused with {@link
   *     CordonException.TooLarge} and nothing is kept
   * @param credentials asked every chunk of a download whether its credential is still good
   */
  public ContentService(
      OneDoor door,
      MetadataStore store,
      BlobStore blobs,
      KeyHierarchy keys,
      long maxUploadBytes,
      CredentialStatus credentials) {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive");
    }
    this.door = door;
    this.store = store;
    this.blobs = blobs;
    this.keys = keys;
    this.maxUploadBytes = maxUploadBytes;
    this.credentials = credentials;
  }

  /** Uploads a new file, or a new version of the file with this name in the workspace. */
  public FileVersion upload(
      RequestContext ctx, WorkspaceId workspaceId, String rawName, InputStream body) {
    return upload(
        ctx,
        workspaceId,
        rawName,
        body,
        tx -> WorkspaceService.resource(tx, workspaceId),
        Optional.empty());
  }

  /**
   * As {@link #upload(RequestContext, WorkspaceId, String, InputStream)}, asking the policy about
   * the given resource instead of the workspace (an upload request's recipient is no member).
   */
  public FileVersion upload(
      RequestContext ctx,
      WorkspaceId workspaceId,
      String rawName,
      InputStream body,
      java.util.function.Function<Transaction, Resource> resource) {
    return upload(ctx, workspaceId, rawName, body, resource, Optional.empty());
  }

  /**
   * As {@link #upload(RequestContext, WorkspaceId, String, InputStream)}; when {@code
   * expectedSha256} (hex) is given, a body with another SHA-256 is refused with {@link
   * CordonException.ChecksumMismatch} before anything is committed.
   */
  public FileVersion upload(
      RequestContext ctx,
      WorkspaceId workspaceId,
      String rawName,
      InputStream body,
      Optional<String> expectedSha256) {
    return upload(
        ctx,
        workspaceId,
        rawName,
        body,
        tx -> WorkspaceService.resource(tx, workspaceId),
        expectedSha256);
  }

  /**
   * As {@link #upload(RequestContext, WorkspaceId, String, InputStream)}, with the label the
   * uploader declares: the version is labelled at least this, at least the workspace's default, and
   * at least what inspection finds.
   */
  public FileVersion uploadDeclared(
      RequestContext ctx,
      WorkspaceId workspaceId,
      String rawName,
      InputStream body,
      Optional<Classification> declared) {
    return upload(
        ctx,
        workspaceId,
        rawName,
        body,
        tx -> WorkspaceService.resource(tx, workspaceId),
        Optional.empty(),
        declared);
  }

  private FileVersion upload(
      RequestContext ctx,
      WorkspaceId workspaceId,
      String rawName,
      InputStream body,
      java.util.function.Function<Transaction, Resource> resource,
      Optional<String> expectedSha256) {
    return upload(ctx, workspaceId, rawName, body, resource, expectedSha256, Optional.empty());
  }

  private FileVersion upload(
      RequestContext ctx,
      WorkspaceId workspaceId,
      String rawName,
      InputStream body,
      java.util.function.Function<Transaction, Resource> resource,
      Optional<String> expectedSha256,
      Optional<Classification> declared) {
    String name = FileNames.check(rawName, "file");
    Subject who = ctx.requireSubject();
    AuditObject refused = AuditObject.of("file", "-", name);
    door.authorize(
        ctx,
        Guarded.of(
            "file.upload",
            Action.UPLOAD,
            tx -> {
              Resource ws = resource.apply(tx);
              refuseDeletedName(tx, workspaceId, name);
              return ws;
            },
            refused));
    UploadTarget target =
        store.inTransaction(
            tx -> {
              Workspace ws = tx.workspaces().find(workspaceId).orElseThrow();
              StoredFile file =
                  tx.files()
                      .findOrCreate(
                          new StoredFile(
                              FileId.random(),
                              workspaceId,
                              name,
                              who.user(),
                              door.clock().instant()));
              return new UploadTarget(ws, file, kekRecord(tx, ws));
            });
    String versionId = io.cordon.context.OpaqueId.next("v");
    Aead kek = keys.aead(target.kek());
    DataKey dek = DataKeys.newDataKey(kek, target.file().id(), versionId);
    AuditObject object = fileObject(target.workspace(), target.file(), null);
    Streamed streamed;
    String blobKey;
    LimitedInputStream limited = new LimitedInputStream(body, maxUploadBytes);
    try (BlobUpload blob = blobs.begin()) {
      streamed =
          encrypt(
              limited,
              blob.stream(),
              dek.streamingAead(),
              DataKeys.contentAssociatedData(target.file().id(), versionId));
      if (expectedSha256.isPresent() && !expectedSha256.get().equals(streamed.sha256())) {
        throw new CordonException.ChecksumMismatch(
            "the content's SHA-256 is "
                + streamed.sha256()
                + ", not the announced "
                + expectedSha256.get()
                + "; nothing was kept");
      }
      blobKey = blob.publish();
    } catch (IOException | GeneralSecurityException | CordonException e) {
      // The temporary blob is gone already (closing the upload aborted it); say why it failed.
      CordonException failure =
          switch (e) {
            case CordonException ce -> ce;
            case IOException io ->
                new CordonException.InvalidInput(
                    "the body was cut short (the client went away or sent less than announced)");
            default -> new CordonException.Unavailable("the content could not be encrypted", e);
          };
      door.record(
          ctx,
          "file.upload",
          Optional.of(object),
          AuditEvent.Outcome.ERROR,
          Optional.of("upload did not complete: " + failure.getMessage()),
          Map.of("bytes", limited.bytesRead()));
      throw failure;
    }
    Classification initial =
        declared
            .map(d -> d.max(target.workspace().classification()))
            .orElse(target.workspace().classification());
    FileVersion result;
    try {
      result =
          store.inTransaction(
              tx -> {
                FileVersion stored =
                    tx.files()
                        .appendVersion(
                            new FileVersion(
                                target.file().id(),
                                1,
                                versionId,
                                streamed.size(),
                                streamed.sha256(),
                                blobKey,
                                dek.wrapped(),
                                initial,
                                List.of(),
                                who.user(),
                                door.clock().instant()));
                // Pending until its verdict, in the same transaction: no version is ever without
                // one.
                tx.inspections()
                    .insert(
                        new Inspections.VersionKey(stored.file(), stored.number()),
                        Verdict.pending(initial, List.of(), door.clock().instant()));
                tx.audit()
                    .append(
                        io.cordon.door.AuditEvents.of(
                            ctx,
                            door.clock().instant(),
                            "file.upload",
                            Optional.of(fileObject(target.workspace(), target.file(), stored)),
                            AuditEvent.Outcome.SUCCESS,
                            Optional.empty(),
                            Map.of(
                                "version",
                                stored.number(),
                                "bytes",
                                stored.size(),
                                "sha256",
                                stored.sha256(),
                                "inspection",
                                InspectionState.PENDING.code())));
                return stored;
              });
    } catch (RuntimeException e) {
      blobs.delete(blobKey);
      if (e instanceof CordonException refusedAtCommit) {
        // e.g. the file was deleted while its body streamed: nothing was kept, say so.
        door.record(
            ctx,
            "file.upload",
            Optional.of(object),
            AuditEvent.Outcome.ERROR,
            Optional.of("upload did not complete: " + refusedAtCommit.getMessage()),
            Map.of("bytes", streamed.size()));
      }
      throw e;
    }
    versionStored.run();
    return result;
  }

  /**
   * Whom to tell that a version was committed (the inspection worker, so it need not wait for its
   * next poll). Set once at wiring; the default does nothing (the worker polls anyway).
   */
  public void onVersionStored(Runnable listener) {
    this.versionStored = java.util.Objects.requireNonNull(listener, "listener");
  }

  /**
   * Streams the plaintext of one stored version to {@code reader}, for the inspection worker: the
   * service itself reading what it stores, not a request, so no policy question and no audit event
   * of its own (the verdict is audited). Nothing is written anywhere; the caller keeps what it
   * reads in memory, bounded.
   *
   * @throws CordonException.Gone if the version's content was purged or its key destroyed
   * @throws CordonException.NotFound if there is no such version
   */
  public <T> T readStored(FileId id, int number, StoredReader<T> reader)
      throws IOException, GeneralSecurityException {
    DownloadPlan plan =
        store.inTransaction(
            tx -> {
              StoredFile file =
                  tx.files()
                      .find(id)
                      .orElseThrow(() -> new CordonException.NotFound("no such file"));
              Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
              FileVersion v =
                  tx.files()
                      .version(id, number)
                      .orElseThrow(() -> new CordonException.NotFound("no such version"));
              if (v.wrappedDek().length == 0) {
                throw new CordonException.Gone("the version's content was purged");
              }
              return new DownloadPlan(ws, file, v, kekRecord(tx, ws));
            });
    FileVersion v = plan.version();
    StreamingAead dek =
        DataKeys.openDataKey(keys.aead(plan.kek()), v.file(), v.versionId(), v.wrappedDek());
    try (InputStream cipher = blobs.open(v.blobKey());
        InputStream plain =
            dek.newDecryptingStream(
                cipher, DataKeys.contentAssociatedData(v.file(), v.versionId()))) {
      return reader.read(plain, plan.file().name());
    }
  }

  /** Reads one stored version's plaintext. */
  @FunctionalInterface
  public interface StoredReader<T> {
    T read(InputStream plaintext, String fileName) throws IOException;
  }

  /** The audit object of one version of a file (its current label), for services that audit it. */
  public static AuditObject versionObject(Transaction tx, FileId id, int number) {
    StoredFile file = tx.files().find(id).orElseThrow();
    Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
    FileVersion v = tx.files().version(id, number).orElseThrow();
    return fileObject(ws, file, labelled(tx, v));
  }

  /**
   * The version with its label now (inspection and people may have changed it since upload; the
   * version row keeps the label it was stored with).
   */
  public static FileVersion labelled(Transaction tx, FileVersion v) {
    Optional<Verdict> verdict =
        tx.inspections().find(new Inspections.VersionKey(v.file(), v.number()));
    if (verdict.isEmpty()) {
      return v;
    }
    return new FileVersion(
        v.file(),
        v.number(),
        v.versionId(),
        v.size(),
        v.sha256(),
        v.blobKey(),
        v.wrappedDek(),
        verdict.get().classification(),
        verdict.get().dataTypes(),
        v.createdBy(),
        v.created());
  }

  /** The files of a workspace, each with its newest version. */
  public List<Files.FileListing> list(RequestContext ctx, WorkspaceId workspaceId) {
    return door.perform(
        ctx,
        Guarded.of(
            "file.list",
            Action.VIEW,
            tx -> WorkspaceService.resource(tx, workspaceId),
            AuditObject.of("workspace", workspaceId.value(), null)),
        (tx, resource) -> {
          Workspace ws = tx.workspaces().find(workspaceId).orElseThrow();
          List<Files.FileListing> files = tx.files().listWithLatest(workspaceId);
          return Performed.of(files, WorkspaceService.object(ws), Map.of("count", files.size()));
        });
  }

  /**
   * Authorises and audits a download, returning a handle that streams the plaintext. The audit
   * event is written before any byte leaves; if the stream is cut short, a second event with
   * outcome {@code error} records how many bytes did leave.
   */
  public Download download(RequestContext ctx, FileId id, OptionalInt versionNumber) {
    return download(ctx, id, versionNumber, Optional.empty());
  }

  /**
   * As {@link #download(RequestContext, FileId, OptionalInt)}, for a service that turns the
   * plaintext into a rendition (a PDF stamped with its signatures): the audit event names the
   * rendition, so it is never taken for a delivery of the original bytes.
   */
  public Download download(
      RequestContext ctx, FileId id, OptionalInt versionNumber, Optional<String> rendition) {
    return download(ctx, id, versionNumber, Delivery.ofFile(id, rendition));
  }

  /**
   * As {@link #download(RequestContext, FileId, OptionalInt)}, asking the policy question the
   * delivery names (a share recipient's {@code shared-file}) and stopping at the next chunk once
   * the delivery's grant no longer holds.
   */
  public Download download(
      RequestContext ctx, FileId id, OptionalInt versionNumber, Delivery delivery) {
    Optional<String> rendition = delivery.rendition();
    DownloadPlan plan =
        door.perform(
            ctx,
            Guarded.of(
                delivery.auditAction(),
                delivery.action(),
                delivery.resource(),
                AuditObject.of("file", id.value(), null)),
            (tx, resource) -> {
              RecordLifecycleService.requireLive(tx, id);
              StoredFile file = tx.files().find(id).orElseThrow();
              Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
              FileVersion v =
                  (versionNumber.isPresent()
                          ? tx.files().version(id, versionNumber.getAsInt())
                          : tx.files().latestVersion(id))
                      .orElseThrow(() -> new CordonException.NotFound("no such version"));
              Map<String, Object> details = new java.util.LinkedHashMap<>();
              details.put("version", v.number());
              details.put("bytes", v.size());
              rendition.ifPresent(r -> details.put("rendition", r));
              details.putAll(delivery.onPermit().apply(tx));
              return Performed.of(
                  new DownloadPlan(ws, file, v, kekRecord(tx, ws)),
                  fileObject(ws, file, v),
                  details);
            });
    FileVersion v = plan.version();
    AuditObject object = fileObject(plan.workspace(), plan.file(), v);
    StreamingAead dek;
    try {
      // Unwrap before any byte is promised, so a destroyed or damaged key is a clean error.
      dek = DataKeys.openDataKey(keys.aead(plan.kek()), v.file(), v.versionId(), v.wrappedDek());
    } catch (CordonException e) {
      recordDownloadFailure(ctx, delivery, object, v, 0, e.getMessage());
      throw e;
    }
    return new Download(
        plan.file(), v, (out, also) -> stream(ctx, delivery, object, v, dek, out, also));
  }

  private void stream(
      RequestContext ctx,
      Delivery delivery,
      AuditObject object,
      FileVersion v,
      StreamingAead dek,
      OutputStream out,
      StillAllowed also)
      throws IOException {
    long[] sent = {0};
    // The credential (continuous verification), the caller's own check, and the delivery's grant
    // (a share still live): all asked again every chunk.
    StillAllowed allowed = credentials.watch(ctx).and(also).and(delivery.stillLive());
    try (InputStream cipher = blobs.open(v.blobKey());
        InputStream plain =
            dek.newDecryptingStream(
                cipher, DataKeys.contentAssociatedData(v.file(), v.versionId()))) {
      new VerifyingCopy(v.size(), v.sha256())
          .copy(plain, out, n -> sent[0] += n, allowed, System::nanoTime);
    } catch (CordonException.Unauthenticated | CordonException.Gone e) {
      // Revoked in flight (continuous verification): record what did leave, and why it stopped.
      recordDownloadFailure(
          ctx, delivery, object, v, sent[0], "access ended during the transfer: " + e.getMessage());
      throw e;
    } catch (CordonException.IntegrityViolation e) {
      recordDownloadFailure(
          ctx, delivery, object, v, sent[0], "stored content failed its integrity check");
      throw e;
    } catch (GeneralSecurityException e) {
      recordDownloadFailure(
          ctx, delivery, object, v, sent[0], "stored content failed its integrity check");
      throw new CordonException.IntegrityViolation("stored content failed its integrity check", e);
    } catch (IOException | RuntimeException e) {
      // The receiver went away, or storage failed: record how much had left.
      recordDownloadFailure(ctx, delivery, object, v, sent[0], "download did not complete");
      throw e;
    }
  }

  private void recordDownloadFailure(
      RequestContext ctx,
      Delivery delivery,
      AuditObject object,
      FileVersion v,
      long bytes,
      String reason) {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("version", v.number());
    details.put("bytes", bytes);
    door.record(
        ctx,
        delivery.auditAction(),
        Optional.of(object),
        AuditEvent.Outcome.ERROR,
        Optional.of(reason),
        details);
  }

  private static Streamed encrypt(
      InputStream body, OutputStream sink, StreamingAead dek, byte[] associatedData)
      throws IOException, GeneralSecurityException {
    long size = 0;
    try (BackgroundDigest sha = new BackgroundDigest(BUFFER)) {
      try (OutputStream enc = dek.newEncryptingStream(sink, associatedData)) {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = body.readNBytes(buf, 0, BUFFER)) > 0) {
          sha.update(buf, 0, n);
          enc.write(buf, 0, n);
          size += n;
        }
      }
      return new Streamed(size, sha.hex());
    }
  }

  static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /**
   * A new version never goes to a deleted file: the name stays taken by the tombstone until the
   * file is restored (an upload racing a deletion is refused when it appends, see {@link
   * Files#appendVersion}).
   */
  private static void refuseDeletedName(Transaction tx, WorkspaceId workspaceId, String name) {
    Optional<StoredFile> existing = tx.files().findByName(workspaceId, name);
    if (existing.isPresent() && tx.lifecycle().deletion(existing.get().id()).isPresent()) {
      throw new CordonException.Conflict(
          "a deleted file named '"
              + name
              + "' is kept in this workspace; restore it, or upload under another name");
    }
  }

  /**
   * The policy attributes of a file (its workspace, and its newest version's classification and
   * data types); NotFound if there is no such file. Public for services that guard reads about a
   * file with the same question as reading it (its audit activity).
   */
  public static Resource fileResource(Transaction tx, FileId id) {
    StoredFile file =
        tx.files().find(id).orElseThrow(() -> new CordonException.NotFound("no such file"));
    FileVersion latest =
        tx.files()
            .latestVersion(id)
            .orElseThrow(() -> new CordonException.NotFound("no such file"));
    Optional<Verdict> verdict =
        tx.inspections().find(new Inspections.VersionKey(id, latest.number()));
    Resource r =
        new Resource(
            "file",
            id.value(),
            Optional.of(file.workspace()),
            verdict.map(Verdict::classification).orElse(latest.classification()),
            verdict.map(Verdict::dataTypes).orElse(latest.dataTypes()));
    return verdict.map(x -> r.withInspection(x.state().code())).orElse(r);
  }

  /** The workspace's live KEK record; a shredded workspace's content is gone for good. */
  static KeysetRecord kekRecord(Transaction tx, Workspace ws) {
    KeysetRecord kek =
        tx.keysets()
            .find(ws.kek())
            .orElseThrow(() -> new IllegalStateException("workspace without its key record"));
    if (kek.status() == io.cordon.crypto.KeysetStatus.DESTROYED) {
      throw new CordonException.Gone(
          "the workspace's key was destroyed (crypto-shredded); its content cannot be recovered");
    }
    return kek;
  }

  static AuditObject fileObject(Workspace ws, StoredFile file, FileVersion version) {
    return new AuditObject(
        "file",
        file.id().value(),
        Optional.of(file.name()),
        Optional.of(ws.id().value()),
        Optional.of((version == null ? ws.classification() : version.classification()).code()),
        version == null ? List.of() : version.dataTypes());
  }

  private record UploadTarget(Workspace workspace, StoredFile file, KeysetRecord kek) {}

  private record DownloadPlan(
      Workspace workspace, StoredFile file, FileVersion version, KeysetRecord kek) {}

  private record Streamed(long size, String sha256) {}
}
