package io.cordon.content;

import com.google.crypto.tink.StreamingAead;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.crypto.DataKey;
import io.cordon.crypto.DataKeys;
import io.cordon.crypto.KeyHierarchy;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.BlobStore;
import io.cordon.storage.BlobUpload;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads (tus.io resumable upload protocol 1.0 with its creation, checksum, termination
 * and expiration extensions): a large file arrives in any number of requests, and an interrupted
 * request loses only what did not arrive. The bytes received so far are stored as encrypted parts
 * (Tink StreamingAead under a per-upload data key wrapped by the workspace KEK, each part bound to
 * its upload and position), never in clear. When the last byte arrives the parts are decrypted in
 * order and go through the ordinary upload path ({@link ContentService#upload}): the same policy
 * decision, encryption under a version key, the announced SHA-256 checked before commit, and the
 * {@code file.upload} audit event. Every request is decided anew by policy, and only the user who
 * started an upload can see or continue it (to anyone else it does not exist).
 *
 * <p>Thread-safe.
 */
public final class ResumableUploadService {
  private static final Logger LOG = LoggerFactory.getLogger(ResumableUploadService.class);
  private static final int BUFFER = 64 * 1024;
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** The checksum algorithms a chunk may be announced with ({@code Upload-Checksum}). */
  public static final Map<String, String> CHECKSUM_ALGORITHMS =
      Map.of("sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

  private final OneDoor door;
  private final MetadataStore store;
  private final BlobStore blobs;
  private final KeyHierarchy keys;
  private final ContentService content;
  private final long maxUploadBytes;
  private final Duration lifetime;
  private final Set<UploadId> completing = ConcurrentHashMap.newKeySet();

  /**
   * @param lifetime how long an upload may stay unfinished (and a finished one stays answerable)
   */
  public ResumableUploadService(
      OneDoor door,
      MetadataStore store,
      BlobStore blobs,
      KeyHierarchy keys,
      ContentService content,
      long maxUploadBytes,
      Duration lifetime) {
    this.door = door;
    this.store = store;
    this.blobs = blobs;
    this.keys = keys;
    this.content = content;
    this.maxUploadBytes = maxUploadBytes;
    this.lifetime = lifetime;
  }

  /** The largest upload accepted ({@code Tus-Max-Size}). */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** A chunk's announced checksum: a name from {@link #CHECKSUM_ALGORITHMS} and the digest. */
  public record Checksum(String algorithm, byte[] digest) {
    public Checksum {
      if (!CHECKSUM_ALGORITHMS.containsKey(algorithm)) {
        throw new CordonException.InvalidInput(
            "unsupported checksum algorithm '" + algorithm + "'; use sha1, sha256 or sha512");
      }
      digest = digest.clone();
    }
  }

  /**
   * Starts an upload of {@code length} bytes that will become {@code rawName} in the workspace (tus
   * creation). Decided as an upload to the workspace and audited as {@code upload.start}.
   */
  public ResumableUpload create(
      RequestContext ctx,
      WorkspaceId workspace,
      String rawName,
      long length,
      Optional<String> expectedSha256) {
    String name = FileNames.check(rawName, "file");
    Subject who = ctx.requireSubject();
    if (length < 0) {
      throw new CordonException.InvalidInput("Upload-Length must be 0 or more");
    }
    if (length > maxUploadBytes) {
      throw new CordonException.TooLarge(
          "the upload is larger than the limit of " + maxUploadBytes + " bytes");
    }
    expectedSha256.ifPresent(
        h -> {
          if (!SHA256_HEX.matcher(h).matches()) {
            throw new CordonException.InvalidInput("sha256 is 64 lower-case hex digits");
          }
        });
    UploadId id = UploadId.random();
    ResumableUpload created =
        door.perform(
            ctx,
            Guarded.of(
                "upload.start",
                Action.UPLOAD,
                tx -> WorkspaceService.resource(tx, workspace),
                AuditObject.of("file", "-", name)),
            (tx, resource) -> {
              Workspace ws = tx.workspaces().find(workspace).orElseThrow();
              DataKey key =
                  DataKeys.newUploadKey(keys.aead(ContentService.kekRecord(tx, ws)), id.value());
              ResumableUpload upload =
                  new ResumableUpload(
                      id,
                      workspace,
                      name,
                      who.user(),
                      length,
                      0,
                      expectedSha256,
                      key.wrapped(),
                      door.clock().instant(),
                      door.clock().instant().plus(lifetime),
                      Optional.empty());
              tx.uploads().insert(upload);
              return Performed.of(
                  upload,
                  new AuditObject(
                      "file",
                      "-",
                      Optional.of(name),
                      Optional.of(workspace.value()),
                      Optional.of(ws.classification().code()),
                      List.of()),
                  Map.of("upload", id.value(), "length", length));
            });
    return length == 0 ? complete(ctx, created) : created;
  }

  /** Where an upload stands (tus HEAD). */
  public ResumableUpload status(RequestContext ctx, UploadId id) {
    door.authorize(ctx, owned(ctx, id, "upload.status"));
    return store.read(tx -> tx.uploads().find(id)).orElseThrow(() -> notFound(id));
  }

  /**
   * Appends the bytes of one request at {@code offset} (tus PATCH), which must be where the upload
   * stands. Bytes received before the client went away are kept, unless a checksum was announced
   * (then the chunk is all or nothing). The request that brings the last byte completes the upload
   * into a file version; a later empty request at the end retries a completion that failed.
   */
  public ResumableUpload append(
      RequestContext ctx, UploadId id, long offset, InputStream body, Optional<Checksum> checksum) {
    door.authorize(ctx, owned(ctx, id, "upload.append"));
    ResumableUpload upload =
        store.read(tx -> tx.uploads().find(id)).orElseThrow(() -> notFound(id));
    if (upload.isComplete()) {
      throw new CordonException.Conflict("the upload is already complete");
    }
    if (offset != upload.offset()) {
      throw new CordonException.Conflict(
          "Upload-Offset is " + offset + " but the upload stands at " + upload.offset());
    }
    if (offset == upload.length()) {
      return complete(ctx, upload);
    }
    StoredPart part = storePart(upload, body, checksum);
    if (part == null) {
      return upload;
    }
    boolean moved = store.inTransaction(tx -> tx.uploads().append(id, offset, part.part()));
    if (!moved) {
      blobs.delete(part.part().blobKey());
      throw new CordonException.Conflict(
          "another request appended to this upload at the same time; ask where it stands (HEAD)");
    }
    ResumableUpload advanced = upload.at(offset + part.part().bytes());
    if (part.cutShort()) {
      throw new CordonException.InvalidInput(
          "the body was cut short; the "
              + part.part().bytes()
              + " bytes received were kept, resume at "
              + advanced.offset());
    }
    return advanced.offset() == advanced.length() ? complete(ctx, advanced) : advanced;
  }

  /** Abandons an upload and deletes what it stored (tus termination). */
  public void terminate(RequestContext ctx, UploadId id) {
    door.perform(
            ctx,
            owned(ctx, id, "upload.cancel"),
            (tx, resource) -> {
              ResumableUpload upload = tx.uploads().find(id).orElseThrow(() -> notFound(id));
              List<ResumableUpload.Part> parts = tx.uploads().parts(id);
              tx.uploads().delete(id);
              return Performed.of(
                  parts,
                  AuditObject.of(
                      "file",
                      upload.result().map(r -> r.file().value()).orElse("-"),
                      upload.name()),
                  Map.of(
                      "upload", id.value(), "offset", upload.offset(), "length", upload.length()));
            })
        .forEach(p -> blobs.delete(p.blobKey()));
  }

  /**
   * Removes uploads past their expiry and their stored parts (a maintenance sweep; the parts of an
   * unfinished upload are ciphertext under a key that is deleted with it).
   *
   * @return how many uploads were removed
   */
  public int purgeExpired() {
    int removed = 0;
    List<ResumableUpload> expired;
    while (!(expired = store.read(tx -> tx.uploads().expiredBefore(door.clock().instant(), 100)))
        .isEmpty()) {
      for (ResumableUpload u : expired) {
        List<ResumableUpload.Part> parts =
            store.inTransaction(
                tx -> {
                  List<ResumableUpload.Part> p = tx.uploads().parts(u.id());
                  tx.uploads().delete(u.id());
                  return p;
                });
        parts.forEach(p -> blobs.delete(p.blobKey()));
        removed++;
      }
    }
    if (removed > 0) {
      LOG.info("removed {} expired resumable uploads", removed);
    }
    return removed;
  }

  private ResumableUpload complete(RequestContext ctx, ResumableUpload upload) {
    if (!completing.add(upload.id())) {
      throw new CordonException.Conflict("the upload is being completed by another request");
    }
    try {
      List<ResumableUpload.Part> parts = store.read(tx -> tx.uploads().parts(upload.id()));
      long stored = parts.stream().mapToLong(ResumableUpload.Part::bytes).sum();
      if (stored != upload.length()) {
        throw new CordonException.IntegrityViolation(
            "the upload's parts hold " + stored + " bytes, not " + upload.length(), null);
      }
      FileVersion v;
      try (InputStream whole = plaintext(upload, parts)) {
        v = content.upload(ctx, upload.workspace(), upload.name(), whole, upload.expectedSha256());
      } catch (CordonException.ChecksumMismatch e) {
        discard(upload.id(), parts);
        throw e;
      } catch (IOException e) {
        throw new CordonException.Unavailable("the upload's parts could not be read", e);
      }
      ResumableUpload.Completed done =
          new ResumableUpload.Completed(v.file(), v.number(), v.sha256());
      store.inTransaction(
          tx -> {
            tx.uploads().complete(upload.id(), done);
            return null;
          });
      parts.forEach(p -> blobs.delete(p.blobKey()));
      return new ResumableUpload(
          upload.id(),
          upload.workspace(),
          upload.name(),
          upload.owner(),
          upload.length(),
          upload.length(),
          upload.expectedSha256(),
          upload.wrappedKey(),
          upload.createdAt(),
          upload.expiresAt(),
          Optional.of(done));
    } finally {
      completing.remove(upload.id());
    }
  }

  private void discard(UploadId id, List<ResumableUpload.Part> parts) {
    store.inTransaction(
        tx -> {
          tx.uploads().delete(id);
          return null;
        });
    parts.forEach(p -> blobs.delete(p.blobKey()));
  }

  /** The parts decrypted in order, as one stream. */
  private InputStream plaintext(ResumableUpload upload, List<ResumableUpload.Part> parts) {
    StreamingAead key = partKey(upload);
    Iterator<ResumableUpload.Part> each = parts.iterator();
    Enumeration<InputStream> streams =
        new Enumeration<>() {
          @Override
          public boolean hasMoreElements() {
            return each.hasNext();
          }

          @Override
          public InputStream nextElement() {
            ResumableUpload.Part p = each.next();
            try {
              return key.newDecryptingStream(
                  blobs.open(p.blobKey()),
                  DataKeys.uploadPartAssociatedData(upload.id().value(), p.number()));
            } catch (GeneralSecurityException | IOException e) {
              throw new CordonException.IntegrityViolation("an upload part cannot be read", e);
            }
          }
        };
    return parts.isEmpty() ? InputStream.nullInputStream() : new SequenceInputStream(streams);
  }

  private StreamingAead partKey(ResumableUpload upload) {
    return store.read(
        tx -> {
          Workspace ws = tx.workspaces().find(upload.workspace()).orElseThrow();
          return DataKeys.openUploadKey(
              keys.aead(ContentService.kekRecord(tx, ws)),
              upload.id().value(),
              upload.wrappedKey());
        });
  }

  /** A part written to the blob store, and whether the client stopped sending early. */
  private record StoredPart(ResumableUpload.Part part, boolean cutShort) {}

  /**
   * Encrypts the request body into a new part blob. Returns null when nothing arrived. A body
   * longer than what remains, a checksum mismatch or a cut body with a checksum keep nothing.
   */
  private StoredPart storePart(
      ResumableUpload upload, InputStream body, Optional<Checksum> checksum) {
    int number = store.read(tx -> tx.uploads().parts(upload.id())).size() + 1;
    long remaining = upload.length() - upload.offset();
    MessageDigest digest = checksum.map(c -> digest(c.algorithm())).orElse(null);
    StreamingAead partKey = partKey(upload);
    long received = 0;
    boolean cut = false;
    try (BlobUpload blob = blobs.begin()) {
      try (OutputStream enc =
          partKey.newEncryptingStream(
              blob.stream(), DataKeys.uploadPartAssociatedData(upload.id().value(), number))) {
        byte[] buf = new byte[BUFFER];
        while (true) {
          int n;
          try {
            n = body.read(buf, 0, (int) Math.min(buf.length, remaining - received + 1));
          } catch (IOException e) {
            cut = true;
            break;
          }
          if (n < 0) {
            break;
          }
          if (received + n > remaining) {
            throw new CordonException.TooLarge(
                "the body goes past Upload-Length (" + upload.length() + "); nothing was kept");
          }
          enc.write(buf, 0, n);
          if (digest != null) {
            digest.update(buf, 0, n);
          }
          received += n;
        }
      }
      if (checksum.isPresent()) {
        if (cut) {
          throw new CordonException.InvalidInput(
              "the body was cut short; with Upload-Checksum nothing of it was kept");
        }
        if (!MessageDigest.isEqual(digest.digest(), checksum.get().digest())) {
          throw new CordonException.ChecksumMismatch(
              "the chunk's "
                  + checksum.get().algorithm()
                  + " is not the announced one; nothing of it was kept");
        }
      }
      if (received == 0) {
        return null;
      }
      String blobKey = blob.publish();
      return new StoredPart(new ResumableUpload.Part(number, blobKey, received), cut);
    } catch (IOException | GeneralSecurityException e) {
      throw new CordonException.Unavailable("the upload part could not be stored", e);
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(CHECKSUM_ALGORITHMS.get(algorithm));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The upload's workspace as the resource, for its owner only: to others it does not exist. */
  private Guarded owned(RequestContext ctx, UploadId id, String auditAction) {
    Subject who = ctx.requireSubject();
    return Guarded.of(
        auditAction,
        Action.UPLOAD,
        tx -> {
          ResumableUpload u = tx.uploads().find(id).orElseThrow(() -> notFound(id));
          if (!u.owner().equals(who.user())) {
            throw notFound(id);
          }
          if (u.isExpired(door.clock().instant())) {
            throw new CordonException.Gone("the upload expired at " + u.expiresAt());
          }
          return uploadResource(tx, u);
        },
        AuditObject.of("upload", id.value(), null));
  }

  private static Resource uploadResource(Transaction tx, ResumableUpload u) {
    return WorkspaceService.resource(tx, u.workspace());
  }

  private static CordonException notFound(UploadId id) {
    return new CordonException.NotFound("no upload " + id);
  }
}
