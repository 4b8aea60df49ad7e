package io.cordon.content;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.crypto.KeyHierarchy;
import io.cordon.crypto.KeysetRecord;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.identity.User;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspaces and their membership. Creating a workspace creates its key-encryption keyset and makes
 * the creator its owner, in one audited transaction. Thread-safe.
 */
public final class WorkspaceService {
  public static final String KEK_PURPOSE = "workspace-kek";

  private final OneDoor door;
  private final KeyHierarchy keys;
  private final Optional<RetentionPeriod> defaultRetention;

  public WorkspaceService(OneDoor door, KeyHierarchy keys) {
    this(door, keys, Optional.empty());
  }

  /**
   * @param defaultRetention the installation's retention rule for new workspaces (empty: keep
   *     forever)
   */
  public WorkspaceService(
      OneDoor door, KeyHierarchy keys, Optional<RetentionPeriod> defaultRetention) {
    this.door = door;
    this.keys = keys;
    this.defaultRetention = defaultRetention;
  }

  public Workspace create(
      RequestContext ctx,
      String rawName,
      Optional<Classification> classification,
      Optional<String> region) {
    return create(ctx, rawName, classification, region, Optional.empty());
  }

  /**
   * Creates a workspace with a retention rule: the one given, else the installation default. A rule
   * shorter than the default (or any rule where the default keeps forever) is an administrator's
   * decision, asked of policy first.
   */
  public Workspace create(
      RequestContext ctx,
      String rawName,
      Optional<Classification> classification,
      Optional<String> region,
      Optional<RetentionPeriod> retention) {
    String name = FileNames.check(rawName, "workspace");
    Subject who = ctx.requireSubject();
    Optional<RetentionPeriod> effective = retention.or(() -> defaultRetention);
    if (retention.isPresent()
        && (defaultRetention.isEmpty() || retention.get().isShorterThan(defaultRetention.get()))) {
      door.authorize(
          ctx,
          Guarded.of(
              "workspace.retention",
              Action.ADMINISTER,
              Resource.system(RecordLifecycleService.RETENTION)));
    }
    return door.perform(
        ctx,
        Guarded.of("workspace.create", Action.MANAGE, Resource.system("workspace")),
        (tx, resource) -> {
          if (tx.workspaces().findByName(name).isPresent()) {
            throw new CordonException.Conflict("a workspace named '" + name + "' exists");
          }
          KeysetRecord kek = keys.newKeyset(KEK_PURPOSE);
          tx.keysets().insert(kek);
          Workspace ws =
              new Workspace(
                  WorkspaceId.random(),
                  name,
                  classification.orElse(Classification.CONFIDENTIAL),
                  region.orElse(""),
                  kek.id(),
                  who.user(),
                  door.clock().instant());
          tx.workspaces().insert(ws);
          tx.workspaces()
              .putMember(new Membership(ws.id(), who.user(), WorkspaceRole.OWNER, ws.created()));
          tx.lifecycle().setRetention(ws.id(), effective);
          return Performed.of(
              ws,
              object(ws),
              Map.of(
                  "classification",
                  ws.classification().code(),
                  "retention",
                  RecordLifecycleService.shown(effective)));
        });
  }

  /** Workspaces the subject is a member of; home administrators see every workspace. */
  public List<Workspace> list(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return door.perform(
        ctx,
        Guarded.of("workspace.list", Action.VIEW, Resource.system("workspace-directory")),
        (tx, resource) -> {
          List<Workspace> all =
              who.isAdministrator()
                  ? tx.workspaces().list()
                  : tx.workspaces().listForMember(who.user());
          return new Performed<>(all, Optional.empty(), Map.of("count", all.size()));
        });
  }

  /** Adds a member, or changes the role of an existing one. */
  public Membership addMember(
      RequestContext ctx, WorkspaceId id, String username, WorkspaceRole role) {
    return door.perform(
        ctx,
        Guarded.of(
            "member.add",
            Action.MANAGE,
            tx -> resource(tx, id),
            AuditObject.of("workspace", id.value(), null)),
        (tx, resource) -> {
          Workspace ws = tx.workspaces().find(id).orElseThrow();
          User user =
              tx.users()
                  .findByUsername(username)
                  .orElseThrow(() -> new CordonException.NotFound("no user '" + username + "'"));
          Membership m = new Membership(id, user.id(), role, door.clock().instant());
          tx.workspaces().putMember(m);
          return Performed.of(
              m,
              object(ws),
              Map.of(
                  "member", user.username(), "memberId", user.id().value(), "role", role.code()));
        });
  }

  public List<Membership> members(RequestContext ctx, WorkspaceId id) {
    return door.perform(
        ctx,
        Guarded.of(
            "member.list",
            Action.VIEW,
            tx -> resource(tx, id),
            AuditObject.of("workspace", id.value(), null)),
        (tx, resource) ->
            Performed.of(
                tx.workspaces().members(id), object(tx.workspaces().find(id).orElseThrow())));
  }

  /** The policy resource for a workspace; NotFound if there is none. */
  /**
   * The policy attributes of a workspace; NotFound if there is none. Public for services that ask
   * about a workspace reached another way (an upload request).
   */
  public static Resource resource(Transaction tx, WorkspaceId id) {
    Workspace ws =
        tx.workspaces()
            .find(id)
            .orElseThrow(() -> new CordonException.NotFound("no such workspace"));
    return new Resource(
        "workspace", ws.id().value(), Optional.of(ws.id()), ws.classification(), List.of());
  }

  static AuditObject object(Workspace ws) {
    return new AuditObject(
        "workspace",
        ws.id().value(),
        Optional.of(ws.name()),
        Optional.of(ws.id().value()),
        Optional.of(ws.classification().code()),
        List.of());
  }
}
