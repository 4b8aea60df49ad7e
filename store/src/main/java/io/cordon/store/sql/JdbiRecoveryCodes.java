package io.cordon.store.sql;

import io.cordon.identity.RecoveryCodes;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Recovery code hashes in {@code recovery_codes}. Lives as long as its transaction. */
final class JdbiRecoveryCodes implements RecoveryCodes {
  private final Handle handle;

  JdbiRecoveryCodes(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void replace(UserId user, Set<String> codeHashes, Instant created) {
    handle
        .createUpdate("DELETE FROM recovery_codes WHERE user_id = :user")
        .bind("user", user.value())
        .execute();
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO recovery_codes (user_id, code_hash, created_ms, used_ms)"
                + " VALUES (:user, :hash, :created, NULL)");
    for (String hash : codeHashes) {
      batch
          .bind("user", user.value())
          .bind("hash", hash)
          .bind("created", Columns.millis(created))
          .add();
    }
    if (!codeHashes.isEmpty()) {
      batch.execute();
    }
  }

  @Override
  public boolean spend(UserId user, String codeHash, Instant at) {
    return handle
            .createUpdate(
                "UPDATE recovery_codes SET used_ms = :at"
                    + " WHERE user_id = :user AND code_hash = :hash AND used_ms IS NULL")
            .bind("user", user.value())
            .bind("hash", codeHash)
            .bind("at", Columns.millis(at))
            .execute()
        == 1;
  }

  @Override
  public int remaining(UserId user) {
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :user AND used_ms IS NULL")
        .bind("user", user.value())
        .mapTo(Integer.class)
        .one();
  }
}
