package io.cordon.storage;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.PreparedEvent;
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

  /**
   * Appends one audit event in a transaction of its own (a refusal, a failed login: an event that
   * describes no state change) and returns it numbered, once committed. The event is serialised
   * beforehand on the caller's thread; an adapter may batch such appends more cheaply than general
   * work.
   */
  default AuditEvent appendAudit(PreparedEvent event) {
    return inTransaction(tx -> tx.audit().append(event));
  }

  /** Runs read-only work against a consistent snapshot. */
  <T> T read(Function<Transaction, T> work);

  @Override
  void close();
}
