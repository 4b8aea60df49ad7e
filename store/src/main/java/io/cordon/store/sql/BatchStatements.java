package io.cordon.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The statements that a write batch runs once per piece of work (the audit insert, savepoints),
 * prepared once per batch on its connection and reused. Preparing and binding through Jdbi for
 * every event cost more than the database work itself; these run on plain JDBC. Failures surface as
 * Jdbi exceptions, so the store translates them as it does all others.
 *
 * <p>Confined to the writer thread of one batch; {@link #close()} when the batch ends.
 */
final class BatchStatements implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  BatchStatements(Handle handle) {
    this.connection = handle.getConnection();
  }

  /** The statement for {@code sql}, prepared on first use; parameters keep no earlier values. */
  PreparedStatement get(String sql) {
    PreparedStatement statement = prepared.get(sql);
    try {
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        prepared.put(sql, statement);
      } else {
        statement.clearParameters();
      }
      return statement;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Runs a statement without parameters or results (savepoints). */
  void execute(String sql) {
    try {
      get(sql).execute();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Runs a statement once, unprepared: for the rare path of rolling back to a savepoint, where a
   * failed statement may have left PostgreSQL's transaction refusing everything but that.
   */
  void executeOnce(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  static UnableToExecuteStatementException failed(SQLException e) {
    return new UnableToExecuteStatementException(e, null);
  }

  @Override
  public void close() {
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // The connection goes back to the pool, which closes what is left; nothing to undo.
      }
    }
    prepared.clear();
  }
}
