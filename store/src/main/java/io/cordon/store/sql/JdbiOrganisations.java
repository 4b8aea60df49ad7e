package io.cordon.store.sql;

import io.cordon.identity.Baa;
import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.Organisation;
import io.cordon.identity.Organisations;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Organisations in the {@code organisations} table. Lives as long as its transaction. */
final class JdbiOrganisations implements Organisations {
  private static final RowMapper<Organisation> ROW =
      (rs, ctx) ->
          new Organisation(
              new OrgId(rs.getString("id")),
              rs.getString("name"),
              OrgKind.fromCode(rs.getString("kind")),
              Columns.instant(rs, "created_ms"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiOrganisations(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(Organisation org) {
    try {
      handle
          .createUpdate(
              "INSERT INTO organisations (id, name, kind, created_ms)"
                  + " VALUES (:id, :name, :kind, :created)")
          .bind("id", org.id().value())
          .bind("name", org.name())
          .bind("kind", org.kind().code())
          .bind("created", Columns.millis(org.created()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "an organisation named '" + org.name() + "' already exists");
    }
  }

  @Override
  public Optional<Organisation> find(OrgId id) {
    return handle
        .createQuery("SELECT * FROM organisations WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public Optional<Organisation> findByName(String name) {
    return handle
        .createQuery("SELECT * FROM organisations WHERE name = :name")
        .bind("name", name)
        .map(ROW)
        .findOne();
  }

  @Override
  public List<Organisation> list() {
    return handle.createQuery("SELECT * FROM organisations ORDER BY name").map(ROW).list();
  }

  @Override
  public Baa baa(OrgId id) {
    return handle
        .createQuery("SELECT baa, baa_effective_ms FROM organisations WHERE id = :id")
        .bind("id", id.value())
        .map(
            (rs, ctx) ->
                new Baa(Columns.flag(rs, "baa"), Columns.optionalInstant(rs, "baa_effective_ms")))
        .findOne()
        .orElse(Baa.NONE);
  }

  @Override
  public boolean setBaa(OrgId id, Baa baa) {
    return handle
            .createUpdate(
                "UPDATE organisations SET baa = :baa, baa_effective_ms = :effective WHERE id = :id")
            .bind("baa", Columns.flag(baa.signed()))
            .bind("effective", Columns.millis(baa.effective()))
            .bind("id", id.value())
            .execute()
        == 1;
  }
}
