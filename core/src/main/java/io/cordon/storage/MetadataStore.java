package io.cordon.storage;

import java.util.function.Function;

/**
 * Port: the metadata database. All access happens inside a transaction, so that a state change and
 * the audit event describing it commit together or not at all.
 *
 * <p>Adapters: SQLite (embedded default, WAL, full synchronous durability) and PostgreSQL. Both run
 * the same migrations and pass the same contract tests. Thread-safe.
 */
public interface MetadataStore extends AutoCloseable {
  /** {@code sqlite} or {@code postgresql}. */
  String kind();

  /**
   * Runs the work in one read-write transaction and commits it; any exception rolls it back and
   * propagates. Write transactions are serialised where the database needs it (SQLite takes its
   * write lock at the start, so two writers never deadlock).
   */
  <T> T inTransaction(Function<Transaction, T> work);

  /** Runs read-only work against a consistent snapshot. */
  <T> T read(Function<Transaction, T> work);

  @Override
  void close();
}
