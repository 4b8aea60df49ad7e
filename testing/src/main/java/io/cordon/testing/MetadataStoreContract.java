package io.cordon.testing;

import io.cordon.storage.MetadataStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every {@link MetadataStore} adapter must show. An adapter's test extends this class
 * and says how to open a store.
 *
 * <p>The checks live in a chain of package-private superclasses, one per area (transactions and
 * settings, identity, workspaces and keysets, files, audit), only to keep each file small: as one
 * class they are reported under the adapter's test class, so a failure names the adapter.
 *
 * <p>Each test gets a store from {@link #newStore()} and closes it afterwards. Stores may share one
 * database between tests: the checks use unique names and count audit sequence numbers relative to
 * where the trail stood when the test began.
 */
public abstract class MetadataStoreContract extends InspectionChecks {
  private MetadataStore store;

  /** Opens a store ready for use (migrated). */
  protected abstract MetadataStore newStore();

  /** The store of the running test. */
  @Override
  protected final MetadataStore store() {
    return store;
  }

  @BeforeEach
  final void openStore() {
    store = newStore();
  }

  @AfterEach
  final void closeStore() {
    if (store != null) {
      store.close();
    }
  }
}
