package io.cordon.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.cordon.context.CordonException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The metadata store in PostgreSQL, for production and for several nodes sharing one database.
 *
 * <p>Write transactions run at read committed; the places that need serialising lock rows
 * explicitly (the audit head for gapless sequence numbers, a file's row while appending a version)
 * or lean on unique constraints ({@code INSERT … ON CONFLICT DO NOTHING} for find-or-create). Reads
 * run read-only at repeatable read, so a {@link #read} sees one snapshot. Thread-safe.
 */
public final class PostgresMetadataStore extends JdbiMetadataStore {
  private static final int POOL_SIZE = 10;

  private PostgresMetadataStore(HikariDataSource pool) {
    super(SqlDialect.POSTGRESQL, pool, pool);
  }

  /**
   * Connects to the database at a {@code jdbc:postgresql://…} URL (credentials as URL parameters)
   * and migrates it to the newest schema.
   */
  public static PostgresMetadataStore open(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("cordon-postgresql");
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POOL_SIZE);
    // Grow on demand: several nodes (and test classes) share one server's connection limit.
    config.setMinimumIdle(2);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      // The message names the host, never the URL (which may carry a password).
      throw new CordonException.Unavailable("PostgreSQL is unreachable", e);
    }
    try {
      SchemaMigration.migrate(pool);
      return new PostgresMetadataStore(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  <T> T transact(Handle handle, boolean readOnly, HandleCallback<T, RuntimeException> work) {
    handle.setReadOnly(readOnly);
    return handle.inTransaction(
        readOnly
            ? TransactionIsolationLevel.REPEATABLE_READ
            : TransactionIsolationLevel.READ_COMMITTED,
        work);
  }
}
