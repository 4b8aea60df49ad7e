package io.cordon.store.sql.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Record lifecycle: retention rules on workspaces, soft deletion and purge state on files and
 * versions, legal holds, and triggers that make file versions immutable in the database itself (21
 * CFR Part 11 §11.10(c), EU GMP Annex 11 §17). A Java migration because trigger syntax differs:
 * SQLite's {@code RAISE(ABORT)} against PostgreSQL's PL/pgSQL.
 *
 * <p>What the triggers allow on {@code file_versions}: re-wrapping the data key of an unpurged
 * version (key rotation), and the purge itself (empty data key, purge time set). Every other column
 * never changes, a purged version never changes again, and a version is never deleted unless
 * purged. Files are never deleted (a deletion is a mark) and their identity columns never change.
 */
public final class V6__Record_lifecycle extends BaseJavaMigration {
  /** The columns that are a version's identity and content; none of them may ever change. */
  static final List<String> VERSION_IDENTITY =
      List.of(
          "file_id",
          "number",
          "version_id",
          "size",
          "sha256",
          "blob_key",
          "classification",
          "data_types",
          "created_by",
          "created_ms");

  static final List<String> FILE_IDENTITY =
      List.of("id", "workspace_id", "name", "created_by", "created_ms");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    boolean postgres =
        db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement ddl = db.createStatement()) {
      for (String sql : TABLES) {
        ddl.execute(sql);
      }
      for (String sql : postgres ? postgresTriggers() : sqliteTriggers()) {
        ddl.execute(sql);
      }
    }
  }

  private static final List<String> TABLES =
      List.of(
          // ISO-8601 period (P15Y); NULL keeps content forever.
          "ALTER TABLE workspaces ADD COLUMN retention TEXT",
          "ALTER TABLE files ADD COLUMN deleted_ms BIGINT",
          "ALTER TABLE files ADD COLUMN deleted_by TEXT",
          "ALTER TABLE files ADD COLUMN delete_reason TEXT",
          "ALTER TABLE files ADD COLUMN purged_ms BIGINT",
          "ALTER TABLE file_versions ADD COLUMN purged_ms BIGINT",
          "CREATE INDEX ix_files_deleted ON files (deleted_ms)",
          """
          CREATE TABLE legal_holds (
            id            TEXT   NOT NULL PRIMARY KEY,
            workspace_id  TEXT   NOT NULL REFERENCES workspaces (id),
            file_id       TEXT   REFERENCES files (id),
            matter        TEXT   NOT NULL,
            reason        TEXT   NOT NULL,
            placed_by     TEXT   NOT NULL,
            placed_ms     BIGINT NOT NULL,
            released_by   TEXT,
            released_ms   BIGINT
          )""",
          "CREATE INDEX ix_legal_holds_workspace ON legal_holds (workspace_id, released_ms)");

  /** SQLite compares with IS NOT, which treats NULLs as values. */
  private static List<String> sqliteTriggers() {
    String versionChanged = changed(VERSION_IDENTITY, "%1$s IS NOT OLD.%1$s", "NEW.");
    String fileChanged = changed(FILE_IDENTITY, "%1$s IS NOT OLD.%1$s", "NEW.");
    return List.of(
        """
        CREATE TRIGGER tr_file_versions_immutable BEFORE UPDATE ON file_versions
        WHEN %s OR OLD.purged_ms IS NOT NULL
          OR (NEW.purged_ms IS NOT NULL AND length(NEW.wrapped_dek) > 0)
        BEGIN SELECT RAISE(ABORT, 'cordon: file versions are immutable'); END"""
            .formatted(versionChanged),
        """
        CREATE TRIGGER tr_file_versions_kept BEFORE DELETE ON file_versions
        WHEN OLD.purged_ms IS NULL
        BEGIN SELECT RAISE(ABORT, 'cordon: a file version is kept until purged'); END""",
        """
        CREATE TRIGGER tr_files_identity BEFORE UPDATE ON files WHEN %s
        BEGIN SELECT RAISE(ABORT, 'cordon: a file''s identity is immutable'); END"""
            .formatted(fileChanged),
        """
        CREATE TRIGGER tr_files_kept BEFORE DELETE ON files
        BEGIN SELECT RAISE(ABORT, 'cordon: files are never deleted, only marked deleted'); END""");
  }

  /** PostgreSQL compares with IS DISTINCT FROM; the functions raise SQLSTATE 23514. */
  private static List<String> postgresTriggers() {
    String versionChanged = changed(VERSION_IDENTITY, "%1$s IS DISTINCT FROM OLD.%1$s", "NEW.");
    String fileChanged = changed(FILE_IDENTITY, "%1$s IS DISTINCT FROM OLD.%1$s", "NEW.");
    return List.of(
        """
        CREATE FUNCTION cordon_file_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD.purged_ms IS NULL THEN
              RAISE EXCEPTION 'cordon: a file version is kept until purged' USING ERRCODE = '23514';
            END IF;
            RETURN OLD;
          END IF;
          IF %s OR OLD.purged_ms IS NOT NULL
             OR (NEW.purged_ms IS NOT NULL AND length(NEW.wrapped_dek) > 0) THEN
            RAISE EXCEPTION 'cordon: file versions are immutable' USING ERRCODE = '23514';
          END IF;
          RETURN NEW;
        END $$"""
            .formatted(versionChanged),
        "CREATE TRIGGER tr_file_versions_guard BEFORE UPDATE OR DELETE ON file_versions"
            + " FOR EACH ROW EXECUTE FUNCTION cordon_file_versions_guard()",
        """
        CREATE FUNCTION cordon_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'cordon: files are never deleted, only marked deleted'
              USING ERRCODE = '23514';
          END IF;
          IF %s THEN
            RAISE EXCEPTION 'cordon: a file''s identity is immutable' USING ERRCODE = '23514';
          END IF;
          RETURN NEW;
        END $$"""
            .formatted(fileChanged),
        "CREATE TRIGGER tr_files_guard BEFORE UPDATE OR DELETE ON files"
            + " FOR EACH ROW EXECUTE FUNCTION cordon_files_guard()");
  }

  private static String changed(List<String> columns, String pattern, String prefix) {
    return String.join(" OR ", columns.stream().map(c -> prefix + pattern.formatted(c)).toList());
  }
}
