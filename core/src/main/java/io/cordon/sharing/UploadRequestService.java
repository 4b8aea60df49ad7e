package io.cordon.sharing;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.ContentService;
import io.cordon.content.FileVersion;
import io.cordon.content.WorkspaceId;
import io.cordon.content.WorkspaceService;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.identity.User;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upload requests: owners and managers ({@code share-external} on the workspace) ask recipients
 * (users, or e-mail addresses that become invited guests) to upload into the workspace by a due
 * time. A recipient uploads as an {@code upload-request} resource, which is built only for a
 * recipient of an open request before its due time, and only under a name not yet taken in the
 * workspace, so a request never lets anyone replace an existing file with a new version. The
 * requester sees the files in the workspace as usual. Thread-safe.
 */
public final class UploadRequestService {
  private static final int MAX_MESSAGE = 2000;

  private final MailSeal seal;
  private final OneDoor door;
  private final MetadataStore store;
  private final ContentService content;
  private final SharingSettings settings;
  private final Guests guests;

  public UploadRequestService(
      OneDoor door,
      MetadataStore store,
      ContentService content,
      SharingSettings settings,
      MailSeal seal) {
    this.door = door;
    this.seal = seal;
    this.store = store;
    this.content = content;
    this.settings = settings;
    this.guests = new Guests(settings);
  }

  /** An upload request and its recipients' usernames. */
  public record Details(UploadRequest request, List<String> recipients) {}

  public Details request(
      RequestContext ctx,
      WorkspaceId workspace,
      List<String> recipients,
      Optional<String> message,
      Instant due) {
    Subject who = ctx.requireSubject();
    ShareRequest checked =
        new ShareRequest(recipients, Optional.empty(), null, false, false, false);
    String text = message.orElse("");
    if (text.length() > MAX_MESSAGE) {
      throw new CordonException.InvalidInput("'message' is longer than " + MAX_MESSAGE);
    }
    return door.perform(
        ctx,
        Guarded.of(
            "upload_request.create",
            Action.SHARE_EXTERNAL,
            tx -> WorkspaceService.resource(tx, workspace),
            AuditObject.of("workspace", workspace.value(), null)),
        (tx, resource) -> {
          Instant now = door.clock().instant();
          if (!due.isAfter(now)) {
            throw new CordonException.InvalidInput("'dueAt' must be in the future");
          }
          UploadRequest r =
              new UploadRequest(
                  UploadRequestId.random(),
                  workspace,
                  who.user(),
                  text,
                  now,
                  due,
                  Optional.empty());
          tx.uploadRequests().insert(r);
          List<String> names = new ArrayList<>();
          for (String raw : checked.recipients()) {
            User user = guests.recipient(tx, raw, now, m -> seal.enqueue(tx, m));
            tx.uploadRequests().addRecipient(r.id(), user.id());
            names.add(user.username());
            if (!user.email().isEmpty()) {
              seal.enqueue(tx, Mails.uploadRequest(user.email(), due, settings.linkBase(), now));
            }
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("uploadRequest", r.id().value());
          details.put("recipients", names);
          details.put("dueAt", due.toString());
          return Performed.of(
              new Details(r, names), AuditObject.of("workspace", workspace.value(), null), details);
        });
  }

  /** A recipient's upload into the request's workspace (streamed, like a workspace upload). */
  public FileVersion upload(RequestContext ctx, UploadRequestId id, String name, InputStream body) {
    Subject who = ctx.requireSubject();
    // Only a lookup: the decision is content's, on the upload-request resource below.
    WorkspaceId workspace =
        store
            .read(tx -> tx.uploadRequests().find(id))
            .map(UploadRequest::workspace)
            .orElseThrow(() -> new CordonException.NotFound("no such upload request"));
    return content.upload(
        ctx,
        workspace,
        name,
        body,
        tx -> {
          Resource r = resource(tx, id, who);
          if (tx.files().findByName(workspace, name).isPresent()) {
            throw new CordonException.Conflict(
                "a file named '" + name + "' exists; an upload request only adds new files");
          }
          return r;
        });
  }

  /** Closes a request; its recipients can upload no more. */
  public void close(RequestContext ctx, UploadRequestId id) {
    door.perform(
        ctx,
        Guarded.of(
            "upload_request.close",
            Action.SHARE_EXTERNAL,
            tx ->
                WorkspaceService.resource(
                    tx,
                    tx.uploadRequests()
                        .find(id)
                        .orElseThrow(() -> new CordonException.NotFound("no such upload request"))
                        .workspace()),
            AuditObject.of("upload-request", id.value(), null)),
        (tx, resource) -> {
          if (!tx.uploadRequests().close(id, door.clock().instant())) {
            throw new CordonException.Conflict("upload request " + id + " was closed already");
          }
          return Performed.of(null, AuditObject.of("upload-request", id.value(), null));
        });
  }

  private Resource resource(Transaction tx, UploadRequestId id, Subject who) {
    UploadRequest r =
        tx.uploadRequests()
            .find(id)
            .filter(x -> tx.uploadRequests().recipients(id).contains(who.user()))
            .orElseThrow(() -> new CordonException.NotFound("no such upload request"));
    if (r.closed().isPresent()) {
      throw new CordonException.Lapsed("upload-request-closed", "the upload request was closed");
    }
    if (!door.clock().instant().isBefore(r.due())) {
      throw new CordonException.Lapsed(
          "upload-request-overdue", "the upload request was due at " + r.due());
    }
    Resource ws = WorkspaceService.resource(tx, r.workspace());
    return new Resource(
        Resource.UPLOAD_REQUEST, id.value(), ws.workspace(), ws.classification(), ws.dataTypes());
  }
}
