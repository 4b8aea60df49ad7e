package io.cordon.sharing;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.ContentService;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.RecordLifecycleService;
import io.cordon.content.StoredFile;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.identity.User;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creating, listing and revoking shares, behind the one door. Sharing is the {@code share-external}
 * action on the file (owners and managers under the first policy); revoking is the same action on
 * the {@code share} (plus home administrators). The share, its recipients, new guest accounts,
 * their invitations and every notification mail are written in the transaction of the {@code
 * share.create} event, so none exists without the others. Events name the file as their object, so
 * the file's activity lists every share and revocation. Thread-safe.
 */
public final class SharingService {
  private final MailSeal seal;
  private final OneDoor door;
  private final SharingSettings settings;
  private final Guests guests;

  public SharingService(OneDoor door, SharingSettings settings, MailSeal seal) {
    this.door = door;
    this.seal = seal;
    this.settings = settings;
    this.guests = new Guests(settings);
  }

  public SharingSettings settings() {
    return settings;
  }

  /** Shares a file with the request's recipients. */
  public ShareDetails share(RequestContext ctx, FileId file, ShareRequest request) {
    Subject who = ctx.requireSubject();
    return door.perform(
        ctx,
        Guarded.of(
            "share.create",
            Action.SHARE_EXTERNAL,
            tx -> {
              Resource f = ContentService.fileResource(tx, file);
              return recipientAgreements(tx, request.recipients())
                  .map(f::withRecipientAgreements)
                  .orElse(f);
            },
            AuditObject.of("file", file.value(), null)),
        (tx, resource) -> {
          RecordLifecycleService.requireLive(tx, file);
          Instant now = door.clock().instant();
          if (request.expires().isPresent() && !request.expires().get().isAfter(now)) {
            throw new CordonException.InvalidInput("'expiresAt' must be in the future");
          }
          StoredFile stored = tx.files().find(file).orElseThrow();
          Share share =
              new Share(
                  ShareId.random(),
                  file,
                  stored.workspace(),
                  who.user(),
                  now,
                  request.expires(),
                  request.maxDownloads(),
                  request.viewOnly(),
                  request.requireMfa(),
                  request.notifyOnFirstAccess(),
                  Optional.empty(),
                  Optional.empty());
          tx.shares().insert(share);
          List<String> invited = new ArrayList<>();
          List<String> recipientIds = new ArrayList<>();
          Optional<String> mailedName =
              Mails.nameIfShareable(stored.name(), resource.classification());
          for (String raw : request.recipients()) {
            boolean known = tx.users().findByUsername(raw).isPresent();
            User user = guests.recipient(tx, raw, now, m -> seal.enqueue(tx, m));
            if (!known) {
              invited.add(user.id().value());
            }
            tx.shares().addRecipient(share.id(), user.id());
            recipientIds.add(user.id().value());
            if (!user.email().isEmpty()) {
              seal.enqueue(tx, Mails.shared(user.email(), mailedName, settings.linkBase(), now));
            }
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("share", share.id().value());
          details.put("recipients", recipientIds);
          details.put("invited", invited);
          share.expires().ifPresent(e -> details.put("expiresAt", e.toString()));
          share.maxDownloads().ifPresent(m -> details.put("maxDownloads", m));
          details.put("viewOnly", share.viewOnly());
          details.put("requireMfa", share.requireMfa());
          return Performed.of(details(tx, share), fileObject(tx, file, resource), details);
        });
  }

  /**
   * Previews a share before it is sent: for each recipient, how the policy in force would decide
   * their first access (a view for a view-only share, else a download) from the internet zone,
   * having proven a second factor when the share requires one. Only someone who may share the file
   * may ask (the same decision as sharing it, recorded as {@code share.preview}); nothing is
   * created, nobody is invited or told.
   */
  public List<SharePreview> preview(
      RequestContext ctx,
      FileId file,
      List<String> recipients,
      boolean viewOnly,
      boolean requireMfa,
      io.cordon.policy.service.PolicyService policy) {
    if (recipients.size() > ShareRequest.MAX_RECIPIENTS) {
      throw new CordonException.InvalidInput(
          "a share names at most " + ShareRequest.MAX_RECIPIENTS + " recipients");
    }
    return door.perform(
        ctx,
        Guarded.of(
            "share.preview",
            Action.SHARE_EXTERNAL,
            tx -> ContentService.fileResource(tx, file),
            AuditObject.of("file", file.value(), null)),
        (tx, resource) -> {
          Instant now = door.clock().instant();
          Resource shared =
              new Resource(
                  Resource.SHARED_FILE,
                  file.value(),
                  resource.workspace(),
                  resource.classification(),
                  resource.dataTypes(),
                  resource.legalHold(),
                  resource.region());
          Action action = viewOnly ? Action.VIEW : Action.DOWNLOAD;
          List<SharePreview> out = new ArrayList<>();
          for (String raw : recipients) {
            Optional<User> user = tx.users().findByUsername(raw);
            Optional<io.cordon.identity.OrgKind> kind =
                user.flatMap(u -> tx.organisations().find(u.org())).map(o -> o.kind());
            Subject subject =
                new Subject(
                    user.map(User::id).orElseGet(io.cordon.identity.UserId::random),
                    raw,
                    user.map(User::org).orElseGet(io.cordon.identity.OrgId::random),
                    kind.orElse(io.cordon.identity.OrgKind.PARTNER),
                    user.map(User::roles).orElse(java.util.Set.of()));
            RequestContext asked =
                RequestContext.anonymous(
                        io.cordon.context.Channel.WEB, "192.0.2.1", Optional.empty(), "preview")
                    .withNetwork(Optional.of("internet"), Optional.empty())
                    .authenticated(
                        subject,
                        "s_preview",
                        requireMfa
                            ? io.cordon.context.AuthMethod.PASSWORD_TOTP
                            : io.cordon.context.AuthMethod.PASSWORD)
                    .withSecondFactorAt(requireMfa ? Optional.of(now) : Optional.empty());
            out.add(
                new SharePreview(
                    raw,
                    kind,
                    policy.explainWithin(
                        new io.cordon.policy.AccessRequest(asked, action, shared),
                        Optional.empty())));
          }
          return Performed.of(
              List.copyOf(out),
              AuditObject.of("file", file.value(), null),
              Map.of("recipients", recipients.size()));
        });
  }

  /** Revokes a share; the next request through it is refused, and a download in flight stops. */
  public ShareDetails revoke(RequestContext ctx, ShareId id) {
    Subject who = ctx.requireSubject();
    return door.perform(
        ctx,
        Guarded.of(
            "share.revoke",
            Action.SHARE_EXTERNAL,
            tx -> shareResource(tx, id),
            AuditObject.of("share", id.value(), null)),
        (tx, resource) -> {
          Share share = tx.shares().find(id).orElseThrow();
          if (!tx.shares().revoke(id, who.user(), door.clock().instant())) {
            throw new CordonException.Conflict("share " + id + " was revoked already");
          }
          Share revoked = tx.shares().find(id).orElseThrow();
          return Performed.of(
              details(tx, revoked),
              fileObject(tx, share.file(), ContentService.fileResource(tx, share.file())),
              Map.of("share", id.value()));
        });
  }

  /** The shares of a file with their recipients (who may share it may see them). */
  public List<ShareDetails> ofFile(RequestContext ctx, FileId file) {
    return door.perform(
        ctx,
        Guarded.of(
            "share.list",
            Action.SHARE_EXTERNAL,
            tx -> ContentService.fileResource(tx, file),
            AuditObject.of("file", file.value(), null)),
        (tx, resource) -> {
          List<ShareDetails> all =
              tx.shares().ofFile(file).stream().map(s -> details(tx, s)).toList();
          return Performed.of(all, fileObject(tx, file, resource), Map.of("count", all.size()));
        });
  }

  /** The caller's shares: those they created and those they received. */
  public Mine mine(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return door.perform(
        ctx,
        Guarded.of("share.list", Action.VIEW, Resource.system("share-directory")),
        (tx, resource) -> {
          List<ShareDetails> created =
              tx.shares().createdBy(who.user()).stream().map(s -> details(tx, s)).toList();
          List<ShareDetails> received =
              tx.shares().receivedBy(who.user()).stream()
                  .map(s -> new ShareDetails(s, fileName(tx, s), List.of()))
                  .toList();
          return new Performed<>(
              new Mine(created, received),
              Optional.empty(),
              Map.of("created", created.size(), "received", received.size()));
        });
  }

  /** The shares a user created and received. */
  public record Mine(List<ShareDetails> created, List<ShareDetails> received) {}

  /**
   * The agreements in force for every named recipient (policy attribute {@code
   * resource.recipientAgreements}): the intersection over the recipients' organisations. A
   * recipient not yet known (an e-mail address that becomes a guest) has none; so has anyone whose
   * organisation has none. Home-organisation recipients are not outside, so they do not count;
   * empty (the attribute absent) when every recipient is inside.
   */
  private Optional<Set<String>> recipientAgreements(Transaction tx, List<String> recipients) {
    Instant now = door.clock().instant();
    Set<String> common = null;
    for (String raw : recipients) {
      Optional<User> user = tx.users().findByUsername(raw.strip());
      Set<String> theirs = Set.of();
      if (user.isPresent()) {
        Optional<io.cordon.identity.Organisation> org = tx.organisations().find(user.get().org());
        if (org.isPresent() && org.get().kind() == io.cordon.identity.OrgKind.HOME) {
          continue;
        }
        theirs =
            tx.organisations().baa(user.get().org()).isInForce(now)
                ? Set.of(io.cordon.identity.Baa.AGREEMENT)
                : Set.of();
      }
      if (common == null) {
        common = new java.util.TreeSet<>(theirs);
      } else {
        common.retainAll(theirs);
      }
    }
    return Optional.ofNullable(common);
  }

  /** The policy attributes of a share: its file's, under type {@code share}. */
  static Resource shareResource(Transaction tx, ShareId id) {
    Share share =
        tx.shares().find(id).orElseThrow(() -> new CordonException.NotFound("no such share"));
    Resource file = ContentService.fileResource(tx, share.file());
    Resource r =
        new Resource(
            Resource.SHARE, id.value(), file.workspace(), file.classification(), file.dataTypes());
    return file.inspection().map(r::withInspection).orElse(r);
  }

  static ShareDetails details(Transaction tx, Share share) {
    List<ShareDetails.Recipient> recipients =
        tx.shares().recipients(share.id()).stream()
            .map(
                r ->
                    new ShareDetails.Recipient(
                        tx.users().find(r.user()).map(User::username).orElse(r.user().value()), r))
            .toList();
    return new ShareDetails(share, fileName(tx, share), recipients);
  }

  private static String fileName(Transaction tx, Share share) {
    return tx.files().find(share.file()).map(StoredFile::name).orElse("");
  }

  static AuditObject fileObject(Transaction tx, FileId file, Resource resource) {
    StoredFile stored = tx.files().find(file).orElseThrow();
    Optional<FileVersion> latest = tx.files().latestVersion(file);
    return new AuditObject(
        "file",
        file.value(),
        Optional.of(stored.name()),
        Optional.of(stored.workspace().value()),
        Optional.of(resource.classification().code()),
        latest.map(FileVersion::dataTypes).orElse(List.of()));
  }
}
