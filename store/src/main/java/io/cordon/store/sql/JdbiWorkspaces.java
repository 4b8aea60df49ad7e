package io.cordon.store.sql;

import io.cordon.content.Classification;
import io.cordon.content.Membership;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.content.WorkspaceRole;
import io.cordon.content.Workspaces;
import io.cordon.crypto.KeysetId;
import io.cordon.identity.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Workspaces and memberships in the {@code workspaces} and {@code memberships} tables. Lives as
 * long as its transaction.
 */
final class JdbiWorkspaces implements Workspaces {
  private static final RowMapper<Workspace> ROW =
      (rs, ctx) ->
          new Workspace(
              new WorkspaceId(rs.getString("id")),
              rs.getString("name"),
              Classification.fromCode(rs.getString("classification")),
              rs.getString("region"),
              new KeysetId(rs.getString("kek_id")),
              new UserId(rs.getString("created_by")),
              Columns.instant(rs, "created_ms"));
  private static final RowMapper<Membership> MEMBER =
      (rs, ctx) ->
          new Membership(
              new WorkspaceId(rs.getString("workspace_id")),
              new UserId(rs.getString("user_id")),
              WorkspaceRole.fromCode(rs.getString("role")),
              Columns.instant(rs, "added_ms"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiWorkspaces(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(Workspace w) {
    try {
      handle
          .createUpdate(
              "INSERT INTO workspaces (id, name, classification, region, kek_id, created_by,"
                  + " created_ms) VALUES (:id, :name, :classification, :region, :kek, :by,"
                  + " :created)")
          .bind("id", w.id().value())
          .bind("name", w.name())
          .bind("classification", w.classification().code())
          .bind("region", w.region())
          .bind("kek", w.kek().value())
          .bind("by", w.createdBy().value())
          .bind("created", Columns.millis(w.created()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "a workspace named '" + w.name() + "' already exists");
    }
  }

  @Override
  public Optional<Workspace> find(WorkspaceId id) {
    return handle
        .createQuery("SELECT * FROM workspaces WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public Optional<Workspace> findByName(String name) {
    return handle
        .createQuery("SELECT * FROM workspaces WHERE name = :name")
        .bind("name", name)
        .map(ROW)
        .findOne();
  }

  @Override
  public List<Workspace> list() {
    return handle.createQuery("SELECT * FROM workspaces ORDER BY name").map(ROW).list();
  }

  @Override
  public List<Workspace> listForMember(UserId user) {
    return handle
        .createQuery(
            "SELECT w.* FROM workspaces w JOIN memberships m ON m.workspace_id = w.id"
                + " WHERE m.user_id = :user ORDER BY w.name")
        .bind("user", user.value())
        .map(ROW)
        .list();
  }

  @Override
  public void putMember(Membership m) {
    // Replacing keeps the original added_ms: the membership began then, only its role changed.
    handle
        .createUpdate(
            "INSERT INTO memberships (workspace_id, user_id, role, added_ms)"
                + " VALUES (:workspace, :user, :role, :added)"
                + " ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role")
        .bind("workspace", m.workspace().value())
        .bind("user", m.user().value())
        .bind("role", m.role().code())
        .bind("added", Columns.millis(m.added()))
        .execute();
  }

  @Override
  public Optional<WorkspaceRole> roleOf(WorkspaceId workspace, UserId user) {
    return handle
        .createQuery(
            "SELECT role FROM memberships WHERE workspace_id = :workspace AND user_id = :user")
        .bind("workspace", workspace.value())
        .bind("user", user.value())
        .mapTo(String.class)
        .findOne()
        .map(WorkspaceRole::fromCode);
  }

  @Override
  public List<Membership> members(WorkspaceId workspace) {
    return handle
        .createQuery(
            "SELECT * FROM memberships WHERE workspace_id = :workspace ORDER BY added_ms, user_id")
        .bind("workspace", workspace.value())
        .map(MEMBER)
        .list();
  }
}
