package io.cordon.crypto;

import com.google.crypto.tink.Aead;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.FileVersion;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key lifecycle operations an administrator runs: rotating a workspace KEK (a new primary key;
 * every data key re-wrapped, no content re-encrypted) and crypto-shredding a workspace (destroying
 * its KEK so that no version can ever be decrypted again). Both are audited. Thread-safe.
 */
public final class KeyService {
  private final OneDoor door;
  private final KeyHierarchy keys;

  public KeyService(OneDoor door, KeyHierarchy keys) {
    this.door = door;
    this.keys = keys;
  }

  /** Rotates one workspace's KEK and re-wraps its data keys; returns how many were re-wrapped. */
  public Rotation rotate(RequestContext ctx, WorkspaceId id) {
    return door.perform(
        ctx,
        Guarded.of(
            "key.rotate",
            Action.ADMINISTER,
            tx -> keysResource(tx, id),
            AuditObject.of("workspace", id.value(), null)),
        (tx, resource) -> {
          Workspace ws = tx.workspaces().find(id).orElseThrow();
          KeysetRecord current = liveKek(tx, ws);
          KeysetRecord rotated = keys.rotate(current);
          Aead kek = keys.aead(rotated);
          List<FileVersion> versions = tx.files().versionsInWorkspace(id);
          for (FileVersion v : versions) {
            byte[] rewrapped = DataKeys.rewrapDataKey(kek, v.file(), v.versionId(), v.wrappedDek());
            tx.files().updateWrappedDek(v.file(), v.number(), rewrapped);
          }
          tx.keysets().update(rotated);
          Rotation r = new Rotation(ws.id(), rotated.id(), rotated.primaryKeyId(), versions.size());
          return Performed.of(
              r,
              workspaceObject(ws),
              Map.of(
                  "keyset",
                  rotated.id().value(),
                  "primaryKeyId",
                  rotated.primaryKeyId(),
                  "rewrapped",
                  versions.size()));
        });
  }

  /**
   * Destroys the workspace's KEK: every version of every file in it becomes unreadable.
   *
   * @throws CordonException.LegalHold if a hold covers the workspace or any file in it
   */
  public void shred(RequestContext ctx, WorkspaceId id) {
    door.perform(
        ctx,
        Guarded.of(
            "key.destroy",
            Action.ADMINISTER,
            tx -> keysResource(tx, id),
            AuditObject.of("workspace", id.value(), null)),
        (tx, resource) -> {
          Workspace ws = tx.workspaces().find(id).orElseThrow();
          List<io.cordon.content.LegalHold> holds = tx.legalHolds().activeInWorkspace(id);
          if (!holds.isEmpty()) {
            throw new CordonException.LegalHold(
                "the workspace is under "
                    + holds.getFirst().describe()
                    + "; its key cannot be destroyed until every hold is released");
          }
          KeysetRecord destroyed = keys.destroy(liveKek(tx, ws));
          tx.keysets().update(destroyed);
          return Performed.of(
              Boolean.TRUE, workspaceObject(ws), Map.of("keyset", destroyed.id().value()));
        });
  }

  private static KeysetRecord liveKek(Transaction tx, Workspace ws) {
    KeysetRecord kek =
        tx.keysets().find(ws.kek()).orElseThrow(() -> new IllegalStateException("missing KEK"));
    if (kek.status() == KeysetStatus.DESTROYED) {
      throw new CordonException.Conflict("the workspace's key was destroyed (crypto-shredded)");
    }
    return kek;
  }

  private static Resource keysResource(Transaction tx, WorkspaceId id) {
    tx.workspaces().find(id).orElseThrow(() -> new CordonException.NotFound("no such workspace"));
    return Resource.system("keys");
  }

  private static AuditObject workspaceObject(Workspace ws) {
    return new AuditObject(
        "workspace",
        ws.id().value(),
        Optional.of(ws.name()),
        Optional.of(ws.id().value()),
        Optional.of(ws.classification().code()),
        List.of());
  }

  /** The result of one rotation. */
  public record Rotation(
      WorkspaceId workspace, KeysetId keyset, long primaryKeyId, int rewrapped) {}
}
