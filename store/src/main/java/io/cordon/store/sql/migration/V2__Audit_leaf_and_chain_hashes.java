package io.cordon.store.sql.migration;

import io.cordon.audit.AuditChain;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds each audit event's leaf and chain hashes ({@link AuditChain}) and the head's chain hash, and
 * computes them for the events already stored. Those older events gain a chain from this point on;
 * nothing can prove what they held before it. A Java migration because the hashes are SHA-256 over
 * the stored JSON, which neither SQL dialect computes the same way.
 */
public final class V2__Audit_leaf_and_chain_hashes extends BaseJavaMigration {
  private static final int PAGE = 1000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    try (Statement ddl = db.createStatement()) {
      ddl.execute("ALTER TABLE audit_events ADD COLUMN leaf_hash BYTEA");
      ddl.execute("ALTER TABLE audit_events ADD COLUMN chain_hash BYTEA");
      ddl.execute("ALTER TABLE audit_head ADD COLUMN last_chain BYTEA");
    }
    byte[] chain = AuditChain.genesis();
    long after = 0;
    while (true) {
      Page page = hashPage(db, after, chain);
      if (page.count() == 0) {
        break;
      }
      after = page.lastSeq();
      chain = page.chain();
    }
    try (PreparedStatement head =
        db.prepareStatement("UPDATE audit_head SET last_chain = ? WHERE id = 1")) {
      head.setBytes(1, chain);
      head.executeUpdate();
    }
  }

  private record Page(int count, long lastSeq, byte[] chain) {}

  /** Hashes up to {@link #PAGE} events after {@code after}, read fully before any is updated. */
  private static Page hashPage(Connection db, long after, byte[] chain) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    List<String> events = new ArrayList<>();
    try (PreparedStatement read =
        db.prepareStatement(
            "SELECT seq, event_json FROM audit_events WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
      read.setLong(1, after);
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
          events.add(rs.getString(2));
        }
      }
    }
    try (PreparedStatement write =
        db.prepareStatement(
            "UPDATE audit_events SET leaf_hash = ?, chain_hash = ? WHERE seq = ?")) {
      for (int i = 0; i < seqs.size(); i++) {
        byte[] leaf = AuditChain.leafHash(events.get(i).getBytes(StandardCharsets.UTF_8));
        chain = AuditChain.link(chain, leaf);
        write.setBytes(1, leaf);
        write.setBytes(2, chain);
        write.setLong(3, seqs.get(i));
        write.addBatch();
      }
      write.executeBatch();
    }
    return new Page(seqs.size(), seqs.isEmpty() ? after : seqs.getLast(), chain);
  }
}
