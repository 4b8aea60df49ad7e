package io.cordon.testing;

import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Root of the chain of check groups that makes up {@link MetadataStoreContract}, with shorthands
 * for running work in a transaction.
 */
abstract class StoreChecks {
  /** The store under test. */
  abstract MetadataStore store();

  /** Runs the work in its own committed transaction. */
  final void write(Consumer<Transaction> work) {
    store()
        .inTransaction(
            tx -> {
              work.accept(tx);
              return null;
            });
  }

  final <T> T writeAndGet(Function<Transaction, T> work) {
    return store().inTransaction(work);
  }

  final <T> T read(Function<Transaction, T> work) {
    return store().read(work);
  }
}
