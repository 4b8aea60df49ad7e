package io.cordon.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.PreparedEvent;
import io.cordon.context.CordonException;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The metadata store on a SQL database through Jdbi: one pooled connection (one Jdbi {@link
 * Handle}) per transaction, with every repository of the {@link Transaction} working on it. Write
 * transactions are group-committed ({@link GroupCommit}): the work of concurrent callers shares one
 * database transaction and one durable commit, each piece behind its own savepoint (audit appends
 * of {@link #appendAudit} that follow one another share one). A background thread ({@link
 * AuditSearchIndexing}) builds the audit search copy behind the trail through the same group
 * commit; {@link #close()} stops it first.
 *
 * <p>Guarantees: {@link #inTransaction} commits when the work returns and rolls back when it
 * throws, rethrowing the work's exception unchanged; database failures surface as {@link
 * CordonException.Conflict} (a unique name taken, a reference to a missing record) or {@link
 * CordonException.Unavailable} (unreachable, busy, disk full, I/O error). After a failed statement
 * the work must end (PostgreSQL refuses further statements until its savepoint is rolled back).
 * Times are stored with millisecond precision. Write transactions must not be nested: the inner one
 * is refused, as it would wait for the writer thread that runs the outer one.
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
  private final GroupCommit groupCommit;
  private final Object indexingLock = new Object();
  private AuditSearchIndexing searchIndexing;

  /** Takes ownership of both pools (which may be the same); {@link #close()} closes them. */
  JdbiMetadataStore(SqlDialect dialect, HikariDataSource writePool, HikariDataSource readPool) {
    this.dialect = dialect;
    this.writePool = writePool;
    this.readPool = readPool;
    this.writer = Jdbi.create(writePool);
    this.reader = readPool == writePool ? writer : Jdbi.create(readPool);
    this.groupCommit = new GroupCommit("cordon-" + dialect.kind() + "-writer", this::runBatch);
    this.searchIndexing =
        new AuditSearchIndexing(
            "cordon-" + dialect.kind() + "-audit-indexer",
            this::auditSearchLag,
            this::indexAuditSearch);
  }

  @Override
  public final String kind() {
    return dialect.kind();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The work runs on the store's writer thread, batched with other callers' work into one
   * database transaction ({@link GroupCommit}); this returns once that transaction has committed.
   */
  @Override
  public final <T> T inTransaction(Function<Transaction, T> work) {
    Objects.requireNonNull(work, "work");
    return groupCommit.submit(work);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The event was serialised on the caller's thread; on the writer thread the append only
   * splices in its number, hashes, chains and inserts, grouped with the batch's other appends
   * behind one savepoint.
   */
  @Override
  public final AuditEvent appendAudit(PreparedEvent event) {
    Objects.requireNonNull(event, "event");
    return groupCommit.submitRerunnable(tx -> tx.audit().append(event));
  }

  /**
   * Runs work that only appends rows and may be run again after they were rolled back, in the group
   * commit (benchmark baselines; see {@link GroupCommit#submitRerunnable}).
   */
  final <T> T inRerunnableTransaction(Function<Transaction, T> work) {
    return groupCommit.submitRerunnable(work);
  }

  @Override
  public final <T> T read(Function<Transaction, T> work) {
    Objects.requireNonNull(work, "work");
    if (writePool.isClosed()) {
      throw new IllegalStateException("metadata store is closed");
    }
    // Only Jdbi's own exceptions are translated; anything the work throws passes unchanged.
    try (Handle handle = reader.open()) {
      return transact(handle, true, h -> work.apply(new JdbiTransaction(h, dialect, null)));
    } catch (JdbiException e) {
      throw dialect.translate(e);
    }
  }

  /**
   * Runs a batch of work in one write transaction: each piece behind its own savepoint, so one that
   * throws is undone alone; then completes every piece after the commit (or fails the rest with the
   * commit's error). A batch of one needs no savepoint: its failure rolls back all.
   */
  private void runBatch(List<GroupCommit.Pending<?>> batch) {
    try (Handle handle = writer.open();
        BatchStatements statements = new BatchStatements(handle)) {
      transact(
          handle,
          false,
          h -> {
            AuditHead head = AuditHead.lock(h, statements);
            JdbiTransaction tx = new JdbiTransaction(h, dialect, head);
            new BatchPieces(dialect, statements, head, tx).applyAll(batch);
            head.flush(h);
            return null;
          });
    } catch (BatchPieces.WorkFailed e) {
      batch.getFirst().fail(e.getCause());
      return;
    } catch (JdbiException e) {
      failOpen(batch, dialect.translate(e));
      return;
    } catch (RuntimeException | Error e) {
      failOpen(batch, e);
      return;
    }
    for (GroupCommit.Pending<?> pending : batch) {
      if (!pending.isFailed()) {
        pending.succeed();
      }
    }
  }

  private static void failOpen(List<GroupCommit.Pending<?>> batch, Throwable cause) {
    for (GroupCommit.Pending<?> pending : batch) {
      if (!pending.isFailed()) {
        pending.fail(cause);
      }
    }
  }

  /** How the group commit has batched writes so far (diagnostics, benchmarks). */
  public final WriteBatchStats writeBatchStats() {
    return groupCommit.stats();
  }

  /**
   * Indexes up to {@code max} audit events for search after the watermark, in one write transaction
   * of the group commit ({@link AuditSearchIndex}); returns how many. The background indexer calls
   * this; benchmarks and tests may too.
   */
  public final int indexAuditSearch(int max) {
    return inTransaction(
        tx -> {
          JdbiTransaction jdbi = (JdbiTransaction) tx;
          return AuditSearchIndex.indexNext(jdbi.handle(), dialect, jdbi.auditHead(), max);
        });
  }

  /** How many appended events the search copy has not indexed yet (searches scan them). */
  public final long auditSearchLag() {
    return read(
        tx ->
            ((JdbiTransaction) tx)
                .handle()
                .createQuery(
                    "SELECT h.last_seq - s.indexed_seq FROM audit_head h, audit_search_state s"
                        + " WHERE h.id = 1 AND s.id = 1")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Stops the background search indexer of this store (benchmarks, tests of the unindexed tail);
   * searches stay complete, as they scan what is not indexed. Another node's indexer, or {@link
   * #indexAuditSearch}, still indexes.
   */
  public final void stopSearchIndexing() {
    synchronized (indexingLock) {
      if (searchIndexing != null) {
        searchIndexing.close();
        searchIndexing = null;
      }
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
    stopSearchIndexing();
    groupCommit.close();
    // Readers first, so that the last connection to close is the writer's (SQLite checkpoints
    // the WAL into the database file when its last connection closes).
    if (readPool != writePool) {
      readPool.close();
    }
    writePool.close();
  }
}
