package io.cordon.store.sql;

import io.cordon.context.CordonException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * What differs between the SQL databases Cordon runs on: how a row is locked for the rest of a
 * transaction, and how a driver reports a constraint violation or an outage. Everything else is
 * shared SQL. Immutable.
 */
enum SqlDialect {
  SQLITE("sqlite", "") {
    @Override
    Failure classify(SQLException e) {
      // sqlite-jdbc reports the (extended) SQLite result code as the vendor code.
      int code = e.getErrorCode();
      return switch (code & 0xff) {
        case 19 -> // SQLITE_CONSTRAINT
            switch (code) {
              case 2067, 1555 -> Failure.UNIQUE; // _UNIQUE, _PRIMARYKEY
              case 787 -> Failure.FOREIGN_KEY;
              default -> fromMessage(e.getMessage());
            };
        // BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
        case 5, 6, 8, 10, 11, 13, 14, 26 -> Failure.UNAVAILABLE;
        default -> Failure.OTHER;
      };
    }

    private Failure fromMessage(String message) {
      String m = message == null ? "" : message;
      if (m.contains("UNIQUE constraint") || m.contains("PRIMARY KEY constraint")) {
        return Failure.UNIQUE;
      }
      return m.contains("FOREIGN KEY constraint") ? Failure.FOREIGN_KEY : Failure.OTHER;
    }
  },

  POSTGRESQL("postgresql", " FOR UPDATE") {
    @Override
    Failure classify(SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("23505")) {
        return Failure.UNIQUE;
      }
      if (state.equals("23503")) {
        return Failure.FOREIGN_KEY;
      }
      // 08 connection, 53 insufficient resources (disk full), 57P operator intervention,
      // 40001/40P01 serialisation failure and deadlock: the caller may retry later.
      if (state.startsWith("08")
          || state.startsWith("53")
          || state.startsWith("57P")
          || state.equals("40001")
          || state.equals("40P01")) {
        return Failure.UNAVAILABLE;
      }
      return Failure.OTHER;
    }
  };

  /** What a failed statement means to a caller. */
  enum Failure {
    UNIQUE,
    FOREIGN_KEY,
    UNAVAILABLE,
    OTHER
  }

  private final String kind;
  private final String forUpdate;

  SqlDialect(String kind, String forUpdate) {
    this.kind = kind;
    this.forUpdate = forUpdate;
  }

  String kind() {
    return kind;
  }

  /**
   * Suffix of a SELECT that locks the selected rows until the transaction ends. Empty on SQLite,
   * whose write transactions already hold the database's single write lock from their start.
   */
  String forUpdate() {
    return forUpdate;
  }

  abstract Failure classify(SQLException e);

  /** The error a caller should see for a failed database call. */
  RuntimeException translate(JdbiException e) {
    return translate(e, "conflicts with an existing record");
  }

  /**
   * As {@link #translate(JdbiException)}, with the message to use if a unique constraint was
   * violated (say which name is taken; never echo secrets).
   */
  RuntimeException translate(JdbiException e, String uniqueMessage) {
    if (e instanceof ConnectionException) {
      return new CordonException.Unavailable("metadata database unreachable", e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return new CordonException.Unavailable("metadata database unreachable", e);
      }
      if (t instanceof SQLException sql) {
        return switch (classify(sql)) {
          case UNIQUE -> new CordonException.Conflict(uniqueMessage);
          case FOREIGN_KEY ->
              new CordonException.Conflict("refers to a record that does not exist");
          case UNAVAILABLE ->
              new CordonException.Unavailable(
                  "metadata database unavailable (busy, disk full or I/O error)", e);
          case OTHER -> e;
        };
      }
    }
    return e;
  }
}
