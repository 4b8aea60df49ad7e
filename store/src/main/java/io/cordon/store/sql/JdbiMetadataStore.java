package io.cordon.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.cordon.context.CordonException;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The metadata store on a SQL database through Jdbi: one pooled connection (one Jdbi {@link
 * Handle}) per transaction, with every repository of the {@link Transaction} working on it.
 *
 * <p>Guarantees: {@link #inTransaction} commits when the work returns and rolls back when it
 * throws, rethrowing the work's exception unchanged; database failures surface as {@link
 * CordonException.Conflict} (a unique name taken, a reference to a missing record) or {@link
 * CordonException.Unavailable} (unreachable, busy, disk full, I/O error). After a failed statement
 * the transaction must end (PostgreSQL refuses further statements in it). Times are stored with
 * millisecond precision. Transactions must not be nested: on SQLite the inner one would wait for
 * the single write connection held by the outer one.
 *
 * <p>Thread-safe: any number of threads may run transactions at once.
 */
public abstract sealed class JdbiMetadataStore implements MetadataStore
    permits SqliteMetadataStore, PostgresMetadataStore {
  private final SqlDialect dialect;
  private final HikariDataSource writePool;
  private final HikariDataSource readPool;
  private final Jdbi writer;
  private final Jdbi reader;

  /** Takes ownership of both pools (which may be the same); {@link #close()} closes them. */
  JdbiMetadataStore(SqlDialect dialect, HikariDataSource writePool, HikariDataSource readPool) {
    this.dialect = dialect;
    this.writePool = writePool;
    this.readPool = readPool;
    this.writer = Jdbi.create(writePool);
    this.reader = readPool == writePool ? writer : Jdbi.create(readPool);
  }

  @Override
  public final String kind() {
    return dialect.kind();
  }

  @Override
  public final <T> T inTransaction(Function<Transaction, T> work) {
    return run(writer, false, work);
  }

  @Override
  public final <T> T read(Function<Transaction, T> work) {
    return run(reader, true, work);
  }

  private <T> T run(Jdbi jdbi, boolean readOnly, Function<Transaction, T> work) {
    Objects.requireNonNull(work, "work");
    if (writePool.isClosed()) {
      throw new IllegalStateException("metadata store is closed");
    }
    // Only Jdbi's own exceptions are translated; anything the work throws passes unchanged.
    try (Handle handle = jdbi.open()) {
      return transact(handle, readOnly, h -> work.apply(new JdbiTransaction(h, dialect)));
    } catch (JdbiException e) {
      throw dialect.translate(e);
    }
  }

  /** Runs the work on a write connection outside any transaction (diagnostics, tests). */
  final <T> T onWriteConnection(HandleCallback<T, RuntimeException> work) {
    return writer.withHandle(work);
  }

  /**
   * Runs the work in a transaction on the handle, as the database needs it (isolation level,
   * read-only flag).
   */
  abstract <T> T transact(
      Handle handle, boolean readOnly, HandleCallback<T, RuntimeException> work);

  @Override
  public final void close() {
    // Readers first, so that the last connection to close is the writer's (SQLite checkpoints
    // the WAL into the database file when its last connection closes).
    if (readPool != writePool) {
      readPool.close();
    }
    writePool.close();
  }
}
