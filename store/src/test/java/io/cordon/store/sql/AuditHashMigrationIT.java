package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import io.cordon.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trail written before events carried hashes gains them, chained, when the schema migrates. */
class AuditHashMigrationIT {
  @TempDir Path dir;

  @Test
  void trailFromVersion1_gainsLeafAndChainHashes_andVerifiesIntact() throws SQLException {
    Path file = dir.resolve("v1.db");
    String url = "jdbc:sqlite:" + file;
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Connection raw = DriverManager.getConnection(url);
        PreparedStatement insert =
            raw.prepareStatement(
                "INSERT INTO audit_events (seq, time_ms, action, outcome, event_json)"
                    + " VALUES (?, 0, 'old.event', 'success', ?)")) {
      for (long seq = 1; seq <= 3; seq++) {
        insert.setLong(1, seq);
        insert.setString(2, AuditEventCodec.toJson(Samples.event("old.event").withSeq(seq)));
        insert.executeUpdate();
      }
      raw.createStatement().execute("UPDATE audit_head SET last_seq = 3 WHERE id = 1");
    }

    try (MetadataStore store = SqliteMetadataStore.open(file)) {
      store.inTransaction(tx -> tx.audit().append(Samples.event("new.event")));

      List<AuditRecord> records = store.read((Transaction tx) -> tx.audit().records(1, 10));
      assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L);
      assertThat(records).allSatisfy(r -> assertThat(r.chainHash()).hasSize(32));
      assertThat(new String(records.get(3).leaf(), StandardCharsets.UTF_8)).contains("new.event");
      assertThat(store.read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
          .isEqualTo(new VerifyResult.Intact(4));
    }
  }
}
