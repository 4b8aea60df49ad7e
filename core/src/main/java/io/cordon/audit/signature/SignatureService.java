package io.cordon.audit.signature;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.ContentService;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.RecordLifecycleService;
import io.cordon.content.StoredFile;
import io.cordon.content.Workspace;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.identity.Reauthentication;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Electronic signatures and recipient receipts on exact file versions (21 CFR Part 11).
 *
 * <p>Making one runs: policy decision ({@code sign} for a signature, {@code download} for a
 * receipt; a refusal is recorded) → re-authentication with password and TOTP code ({@link
 * Reauthentication}; a failure is recorded and counts toward lockout; a request bound to fail, for
 * an unknown version or a receipt for other bytes, is refused before that) → one transaction that
 * checks the version (and for a receipt the hash and the delivery), appends the {@code
 * signature.create} or {@code receipt.create} event, and stores the record sealed over its
 * canonical bytes, which include that event's {@code seq}. Reading verifies every record against
 * the content as stored now. Thread-safe.
 */
public final class SignatureService {
  private final OneDoor door;
  private final MetadataStore store;
  private final Reauthentication reauthentication;
  private final SignatureKeyStore keys;

  public SignatureService(
      OneDoor door,
      MetadataStore store,
      Reauthentication reauthentication,
      SignatureKeyStore keys) {
    this.door = door;
    this.store = store;
    this.reauthentication = reauthentication;
    this.keys = keys;
  }

  /** Signs version {@code request.version()} of the file with one of the signature meanings. */
  public SignatureRecord sign(RequestContext ctx, FileId id, SignatureRequest request) {
    return make(ctx, id, SignatureKind.SIGNATURE, request);
  }

  /**
   * A recipient's receipt for the exact bytes of a version they downloaded: {@code
   * request.sha256()} must be that version's hash, and the trail must record their download of it.
   */
  public SignatureRecord receipt(RequestContext ctx, FileId id, SignatureRequest request) {
    if (request.sha256().isEmpty()) {
      throw new CordonException.InvalidInput("a receipt names the 'sha256' of the bytes received");
    }
    return make(ctx, id, SignatureKind.RECEIPT, request);
  }

  private SignatureRecord make(
      RequestContext ctx, FileId id, SignatureKind kind, SignatureRequest request) {
    Meaning meaning = kind.meaning(request.meaning());
    Subject who = ctx.requireSubject();
    AuditObject named = AuditObject.of("file", id.value(), null);
    Guarded op =
        Guarded.of(
            kind.auditAction(),
            kind == SignatureKind.SIGNATURE ? Action.SIGN : Action.DOWNLOAD,
            tx -> fileResource(tx, id),
            named);
    door.authorize(ctx, op);
    precheck(ctx, who, id, kind, request, named);
    reauthentication.confirm(ctx, request.password(), request.code(), kind.auditAction(), named);
    SignatureKey key = keys.key();
    return door.perform(
        ctx,
        op,
        (tx, resource) -> draft(tx, who, id, kind, meaning, request),
        (tx, draft, event) -> {
          SignatureRecord sealed = key.seal(draft.recordedAs(event.seq(), event.time()));
          tx.signatures().insert(sealed);
          return sealed;
        });
  }

  /**
   * Refuses a request that would fail anyway (no such version, a receipt for other bytes) before
   * the code is spent on it; recorded as an error of the operation, as the door records failures.
   * The transaction that makes the record checks again.
   */
  private void precheck(
      RequestContext ctx,
      Subject who,
      FileId id,
      SignatureKind kind,
      SignatureRequest request,
      AuditObject named) {
    try {
      store.read(
          tx -> {
            FileVersion v = version(tx, id, request.version());
            if (kind == SignatureKind.RECEIPT) {
              checkReceipt(tx, who, v, request.sha256().orElseThrow());
            }
            return v;
          });
    } catch (CordonException e) {
      door.record(
          ctx,
          kind.auditAction(),
          Optional.of(named),
          AuditEvent.Outcome.ERROR,
          Optional.of(e.getMessage()),
          Map.of("error", e.type()));
      throw e;
    }
  }

  private static FileVersion version(Transaction tx, FileId id, int number) {
    return tx.files()
        .version(id, number)
        .orElseThrow(() -> new CordonException.NotFound("the file has no version " + number));
  }

  private Performed<SignatureRecord> draft(
      Transaction tx,
      Subject who,
      FileId id,
      SignatureKind kind,
      Meaning meaning,
      SignatureRequest request) {
    StoredFile file = tx.files().find(id).orElseThrow();
    Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
    FileVersion v = version(tx, id, request.version());
    if (kind == SignatureKind.RECEIPT) {
      checkReceipt(tx, who, v, request.sha256().orElseThrow());
    }
    String printedName = tx.users().find(who.user()).orElseThrow().printedName();
    SignatureRecord draft =
        new SignatureRecord(
            SignatureId.random(),
            kind,
            id,
            v.number(),
            v.versionId(),
            v.sha256(),
            who.user(),
            printedName,
            meaning,
            door.clock().instant(),
            request.zone(),
            0,
            "",
            new byte[0]);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("signature", draft.id().value());
    details.put("version", v.number());
    details.put("sha256", v.sha256());
    details.put("meaning", meaning.code());
    details.put("printedName", printedName);
    details.put("timeZone", request.zone().getId());
    details.put("reauthentication", "password+totp");
    return Performed.of(draft, fileObject(ws, file, v), details);
  }

  private static void checkReceipt(Transaction tx, Subject who, FileVersion v, String sha256) {
    if (!v.sha256().equals(sha256)) {
      throw new CordonException.Conflict(
          "the sha256 given is not the hash of version "
              + v.number()
              + " (a receipt acknowledges the exact bytes received; check the download)");
    }
    if (!tx.deliveries().downloaded(who.user(), v.file(), v.number())) {
      throw new CordonException.Conflict(
          "there is no record of your download of version "
              + v.number()
              + "; download it before acknowledging receipt");
    }
  }

  /** The file's versions and every signature and receipt on them, each verified now. */
  public FileSignatures list(RequestContext ctx, FileId id) {
    return read(ctx, id, "signature.list");
  }

  /**
   * A file's metadata read ({@code file.metadata}, one audit event): its workspace, versions, and
   * every signature and receipt on them, each verified now (21 CFR 11.50(b): the manifest is shown
   * with the record).
   */
  public FileSignatures describe(RequestContext ctx, FileId id) {
    return read(ctx, id, "file.metadata");
  }

  private FileSignatures read(RequestContext ctx, FileId id, String auditAction) {
    SignatureKeyRing key = keys.ring();
    return door.perform(
        ctx,
        Guarded.of(
            auditAction,
            Action.VIEW,
            tx -> fileResource(tx, id),
            AuditObject.of("file", id.value(), null)),
        (tx, resource) -> {
          StoredFile file = tx.files().find(id).orElseThrow();
          Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
          List<FileVersion> versions =
              tx.files().versions(id).stream()
                  .map(v -> io.cordon.content.ContentService.labelled(tx, v))
                  .toList();
          List<VerifiedSignature> checked =
              tx.signatures().forFile(id).stream().map(r -> verify(tx, key, r)).toList();
          java.util.Map<Integer, io.cordon.inspect.Verdict> inspections = new java.util.HashMap<>();
          for (FileVersion v : versions) {
            tx.inspections()
                .find(new io.cordon.inspect.Inspections.VersionKey(id, v.number()))
                .ifPresent(x -> inspections.put(v.number(), x));
          }
          return Performed.of(
              new FileSignatures(ws, file, versions, checked, inspections),
              fileObject(ws, file, versions.getLast()),
              Map.of("signatures", checked.size()));
        });
  }

  /**
   * Verifies every signature of the installation (auditors and administrators); the answer names
   * each record that fails.
   */
  public SignatureAudit verifyAll(RequestContext ctx) {
    SignatureKeyRing key = keys.ring();
    return door.perform(
        ctx,
        Guarded.of("signature.verify", Action.AUDIT, Resource.system("audit")),
        (tx, resource) -> {
          int checked = 0;
          List<VerifiedSignature> failed = new ArrayList<>();
          Optional<SignatureId> after = Optional.empty();
          List<SignatureRecord> page;
          while (!(page = tx.signatures().page(after, 500)).isEmpty()) {
            for (SignatureRecord r : page) {
              VerifiedSignature v = verify(tx, key, r);
              checked++;
              if (!v.check().isValid()) {
                failed.add(v);
              }
            }
            after = Optional.of(page.getLast().id());
          }
          SignatureAudit result = new SignatureAudit(checked, failed);
          return new Performed<>(
              result, Optional.empty(), Map.of("checked", checked, "invalid", failed.size()));
        });
  }

  /**
   * The public keys that seal e-signature records, current and retired, so that anyone can verify a
   * record outside Cordon; readable by everyone, like the checkpoint key.
   */
  public List<PublishedKey> publishedKeys(RequestContext ctx) {
    List<PublishedKey> published = keys.ring().published();
    return door.perform(
        ctx,
        Guarded.of("signature.keys", Action.VIEW, Resource.system(Resource.AUDIT_PROOFS)),
        (tx, resource) ->
            new Performed<>(published, Optional.empty(), Map.of("count", published.size())));
  }

  /**
   * Rotates the key that seals e-signature records (administrators): new records are sealed with a
   * new key; records sealed before stay verifiable with the retired key's public half. Audited as
   * {@code key.rotate} in the same transaction.
   */
  public SignatureKeyStore.Rotation rotateKey(RequestContext ctx) {
    return door.perform(
        ctx,
        Guarded.of("key.rotate", Action.ADMINISTER, Resource.system("keys")),
        (tx, resource) -> {
          SignatureKeyStore.Rotation r = keys.rotate(tx, door.clock().instant());
          return new Performed<>(
              r,
              Optional.empty(),
              Map.of("purpose", "e-signature", "retired", r.retired(), "current", r.current()));
        });
  }

  private static VerifiedSignature verify(Transaction tx, SignatureKeyRing key, SignatureRecord r) {
    return new VerifiedSignature(r, key.check(r, tx.files().version(r.file(), r.version())));
  }

  /** The file's policy attributes, as reading it asks; a deleted file answers 410. */
  static Resource fileResource(Transaction tx, FileId id) {
    Resource resource = ContentService.fileResource(tx, id);
    RecordLifecycleService.requireLive(tx, id);
    return resource;
  }

  static AuditObject fileObjectOf(FileId id, String name) {
    return AuditObject.of("file", id.value(), name);
  }

  static AuditObject fileObject(Workspace ws, StoredFile file, FileVersion v) {
    return new AuditObject(
        "file",
        file.id().value(),
        Optional.of(file.name()),
        Optional.of(ws.id().value()),
        Optional.of(v.classification().code()),
        v.dataTypes());
  }
}
