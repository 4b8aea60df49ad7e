package io.cordon.store.sql;

/**
 * Counts of a metadata store's group-committed writes since it opened: database transactions
 * (batches) and the pieces of work they held; their quotient is the mean batch size.
 *
 * @param batches write transactions committed or attempted
 * @param pieces pieces of work submitted through {@code inTransaction} that ran in them
 */
public record WriteBatchStats(long batches, long pieces) {
  /** Pieces of work per database transaction, 0 before the first. */
  public double meanBatch() {
    return batches == 0 ? 0 : (double) pieces / batches;
  }
}
