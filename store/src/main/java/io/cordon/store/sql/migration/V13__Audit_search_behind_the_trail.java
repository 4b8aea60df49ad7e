package io.cordon.store.sql.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit search off the append path. Until now every append also inserted into the eight search
 * indexes of {@code audit_events} (V1, V8), which cost about five times the row itself. From here
 * on an append writes the trail row only; a background indexer copies the searchable columns of
 * appended events into {@code audit_search}, thousands at a time, and moves the watermark {@code
 * audit_search_state.indexed_seq} in the same transaction. A search reads {@code audit_search} up
 * to the watermark and scans {@code audit_events} after it, so its results stay complete and exact.
 * The watermark starts at 0: the indexer catches up with the events already stored, and until then
 * searches scan them.
 *
 * <p>On SQLite the trail table is also rebuilt with {@code seq} as its rowid ({@code INTEGER
 * PRIMARY KEY}): a {@code BIGINT} key is a separate B-tree that every append also inserted into and
 * every read in order went through. The rows are copied unchanged (bytes and hashes), so the chain
 * and every checkpoint still verify. A Java migration because only SQLite needs the rebuild.
 */
public final class V13__Audit_search_behind_the_trail extends BaseJavaMigration {
  private static final List<String> SEARCH =
      List.of(
          """
          CREATE TABLE audit_search (
            seq             BIGINT NOT NULL PRIMARY KEY,
            time_ms         BIGINT NOT NULL,
            action          TEXT   NOT NULL,
            actor_user      TEXT,
            actor_username  TEXT,
            actor_org       TEXT,
            object_type     TEXT,
            object_id       TEXT,
            workspace_id    TEXT,
            outcome         TEXT   NOT NULL
          )""",
          "CREATE INDEX ix_audit_search_actor_user ON audit_search (actor_user, seq)",
          "CREATE INDEX ix_audit_search_actor_username ON audit_search (actor_username, seq)",
          "CREATE INDEX ix_audit_search_actor_org ON audit_search (actor_org, seq)",
          "CREATE INDEX ix_audit_search_action ON audit_search (action, seq)",
          "CREATE INDEX ix_audit_search_object ON audit_search (object_type, object_id, seq)",
          "CREATE INDEX ix_audit_search_object_id ON audit_search (object_id, seq)",
          "CREATE INDEX ix_audit_search_workspace ON audit_search (workspace_id, seq)",
          "CREATE INDEX ix_audit_search_time ON audit_search (time_ms)",
          "CREATE INDEX ix_audit_search_outcome ON audit_search (outcome, seq)",
          // Every event with seq <= indexed_seq has its row in audit_search; none after it has.
          """
          CREATE TABLE audit_search_state (
            id           SMALLINT NOT NULL PRIMARY KEY,
            indexed_seq  BIGINT   NOT NULL,
            CONSTRAINT ck_audit_search_state_single CHECK (id = 1)
          )""",
          "INSERT INTO audit_search_state (id, indexed_seq) VALUES (1, 0)");

  private static final List<String> OLD_INDEXES =
      List.of(
          "ix_audit_actor_user",
          "ix_audit_actor_username",
          "ix_audit_action",
          "ix_audit_object",
          "ix_audit_workspace",
          "ix_audit_time",
          "ix_audit_object_id",
          "ix_audit_outcome");

  private static final List<String> SQLITE_REBUILD =
      List.of(
          """
          CREATE TABLE audit_events_by_rowid (
            seq             INTEGER NOT NULL PRIMARY KEY,
            time_ms         BIGINT NOT NULL,
            action          TEXT   NOT NULL,
            actor_user      TEXT,
            actor_username  TEXT,
            object_type     TEXT,
            object_id       TEXT,
            workspace_id    TEXT,
            outcome         TEXT   NOT NULL,
            event_json      TEXT   NOT NULL,
            leaf_hash       BYTEA,
            chain_hash      BYTEA
          )""",
          "INSERT INTO audit_events_by_rowid (seq, time_ms, action, actor_user, actor_username,"
              + " object_type, object_id, workspace_id, outcome, event_json, leaf_hash, chain_hash)"
              + " SELECT seq, time_ms, action, actor_user, actor_username, object_type, object_id,"
              + " workspace_id, outcome, event_json, leaf_hash, chain_hash FROM audit_events"
              + " ORDER BY seq",
          // Dropping the table drops its indexes with it.
          "DROP TABLE audit_events",
          "ALTER TABLE audit_events_by_rowid RENAME TO audit_events");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    boolean postgres =
        db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement ddl = db.createStatement()) {
      for (String sql : SEARCH) {
        ddl.execute(sql);
      }
      if (postgres) {
        for (String index : OLD_INDEXES) {
          ddl.execute("DROP INDEX " + index);
        }
      } else {
        for (String sql : SQLITE_REBUILD) {
          ddl.execute(sql);
        }
      }
    }
  }
}
