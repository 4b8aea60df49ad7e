package io.cordon.store.sql;

import io.cordon.crypto.KeyVault;
import io.cordon.store.keys.SealedFileKeyVault;
import io.cordon.store.keys.Sealing;
import io.cordon.testing.AuditCheckpointContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The audit integrity contract with a real sealed-file key vault (development sealing). */
abstract class StoreAuditIntegrityContract extends AuditCheckpointContract {
  @TempDir Path vaultDir;
  private KeyVault vault;

  @Override
  protected KeyVault vault() {
    if (vault == null) {
      vault = SealedFileKeyVault.create(vaultDir, Sealing.insecureDevelopmentKey());
    }
    return vault;
  }

  @AfterEach
  void closeVault() {
    if (vault != null) {
      vault.close();
    }
  }
}
