package io.cordon.store.sql;

import org.jdbi.v3.core.Handle;

/**
 * The audit head (last sequence number and chain hash) as one write batch sees it: locked and read
 * once when the batch begins, advanced in memory by each append, written back once before the batch
 * commits. Each piece of work in the batch takes a {@link #mark()} first and is {@link #reset} to
 * it if it rolls back to its savepoint, so the numbers stay gapless.
 *
 * <p>Locking at the start of every batch, before any other row, also fixes one lock order for all
 * writers on all nodes (head first, then files), so batches of different nodes never deadlock.
 *
 * <p>Confined to the writer thread of one batch; not thread-safe.
 */
final class AuditHead {
  private final long lockedSeq;
  private final BatchStatements statements;
  private long seq;
  private byte[] chain;

  private AuditHead(long seq, byte[] chain, BatchStatements statements) {
    this.lockedSeq = seq;
    this.seq = seq;
    this.chain = chain;
    this.statements = statements;
  }

  /** Locks the head row for the rest of the transaction and reads it. */
  static AuditHead lock(Handle handle, BatchStatements statements) {
    // A no-op UPDATE takes the row's write lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already
    // holds the database's) and RETURNING reads it in the same statement.
    return handle
        .createQuery(
            "UPDATE audit_head SET last_seq = last_seq WHERE id = 1"
                + " RETURNING last_seq, last_chain")
        .map((rs, ctx) -> new AuditHead(rs.getLong(1), rs.getBytes(2), statements))
        .one();
  }

  /** The batch's reusable statements (the event insert). */
  BatchStatements statements() {
    return statements;
  }

  long seq() {
    return seq;
  }

  /** The newest event's chain hash; null if the stored head has lost it. */
  byte[] chain() {
    return chain;
  }

  void advance(long newSeq, byte[] newChain) {
    this.seq = newSeq;
    this.chain = newChain;
  }

  /** The state to return to if the next piece of work rolls back. */
  Mark mark() {
    return new Mark(seq, chain);
  }

  void reset(Mark mark) {
    this.seq = mark.seq();
    this.chain = mark.chain();
  }

  /** Writes the head back if events were appended; call last, before the commit. */
  void flush(Handle handle) {
    if (seq == lockedSeq) {
      return;
    }
    handle
        .createUpdate("UPDATE audit_head SET last_seq = :seq, last_chain = :chain WHERE id = 1")
        .bind("seq", seq)
        .bind("chain", chain)
        .execute();
  }

  /** A saved head position. */
  record Mark(long seq, byte[] chain) {}
}
