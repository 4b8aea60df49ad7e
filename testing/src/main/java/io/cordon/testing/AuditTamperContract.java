package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditChain;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the stored audit trail directly in the database, as an administrator with write
 * access could, is detected by {@link TrailVerifier} and the first affected sequence number named.
 * An adapter's test says how to open a store on an empty database of its own and how to run SQL on
 * that database behind the store's back.
 *
 * <p>These are the tamperings the hash chain alone catches. A rewrite that also recomputes every
 * later hash is caught only against a signed checkpoint.
 */
public abstract class AuditTamperContract {
  /** Events in the trail each test starts with. */
  protected static final int EVENTS = 10;

  private MetadataStore store;

  /** Opens a migrated store on an empty database that no other test uses. */
  protected abstract MetadataStore freshStore();

  /** The JDBC URL of the running test's database, for tampering behind the store's back. */
  protected abstract String jdbcUrl();

  /** Runs one SQL statement with positional parameters on the database of the running test. */
  protected final void tamper(String sql, Object... parameters) {
    try (Connection raw = DriverManager.getConnection(jdbcUrl());
        PreparedStatement st = raw.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("tampering failed: " + sql, e);
    }
  }

  @BeforeEach
  final void appendTrail() {
    store = freshStore();
    for (int i = 1; i <= EVENTS; i++) {
      String action = "tamper.event" + i;
      store.inTransaction(tx -> tx.audit().append(Samples.event(action)));
    }
    assertThat(verify()).isEqualTo(new VerifyResult.Intact(EVENTS));
  }

  @AfterEach
  final void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void eventBytesEdited_namesThatEvent() {
    tamper(
        "UPDATE audit_events SET event_json = REPLACE(event_json, 'tamper.event4', 'tamper.forged')"
            + " WHERE seq = 4");

    assertBroken(4, "modified");
  }

  @Test
  void eventEditedAndItsLeafHashRecomputed_chainNamesThatEvent() {
    byte[] forged =
        new String(record(4).leaf(), StandardCharsets.UTF_8)
            .replace("tamper.event4", "tamper.forged")
            .getBytes(StandardCharsets.UTF_8);
    tamper(
        "UPDATE audit_events SET event_json = ?, leaf_hash = ? WHERE seq = 4",
        new String(forged, StandardCharsets.UTF_8),
        AuditChain.leafHash(forged));

    assertBroken(4, "chain breaks");
  }

  @Test
  void eventDeleted_namesTheGap() {
    tamper("DELETE FROM audit_events WHERE seq = 4");

    assertBroken(4, "missing");
  }

  @Test
  void eventInserted_namesTheInsertedPosition() {
    AuditRecord template = record(5);
    shiftFrom(5, 1);
    String json =
        new String(template.leaf(), StandardCharsets.UTF_8)
            .replace("tamper.event5", "tamper.forged");
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    tamper(
        "INSERT INTO audit_events (seq, time_ms, action, outcome, event_json, leaf_hash,"
            + " chain_hash) VALUES (5, 0, 'tamper.forged', 'success', ?, ?, ?)",
        json,
        AuditChain.leafHash(bytes),
        template.chainHash());
    tamper("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1");

    assertBroken(5, "chain breaks");
  }

  @Test
  void twoEventsSwapped_namesTheFirst() {
    AuditRecord four = record(4);
    AuditRecord five = record(5);
    overwrite(4, five);
    overwrite(5, four);

    assertBroken(4, "holds the event numbered 5");
  }

  @Test
  void tailDeleted_namesTheFirstMissing() {
    tamper("DELETE FROM audit_events WHERE seq >= 9");

    assertBroken(9, "missing");
  }

  @Test
  void tailDeletedAndHeadLowered_namesTheFirstMissing() {
    tamper("DELETE FROM audit_events WHERE seq >= 9");
    tamper("UPDATE audit_head SET last_seq = 8 WHERE id = 1");

    assertBroken(9, "head");
  }

  @Test
  void eventAddedBeyondTheHead_namesIt() {
    AuditRecord last = record(EVENTS);
    tamper(
        "INSERT INTO audit_events (seq, time_ms, action, outcome, event_json, leaf_hash,"
            + " chain_hash) VALUES (?, 0, 'tamper.extra', 'success', ?, ?, ?)",
        EVENTS + 1L,
        new String(last.leaf(), StandardCharsets.UTF_8),
        last.leafHash(),
        last.chainHash());

    assertBroken(EVENTS + 1, "beyond the head");
  }

  @Test
  void hashesRemoved_namesThatEvent() {
    tamper("UPDATE audit_events SET chain_hash = NULL WHERE seq = 7");

    assertBroken(7, "hashes are missing");
  }

  private void assertBroken(long seq, String reasonPart) {
    VerifyResult result = verify();
    assertThat(result).isInstanceOf(VerifyResult.Broken.class);
    VerifyResult.Broken broken = (VerifyResult.Broken) result;
    assertThat(broken.seq()).as(broken.reason()).isEqualTo(seq);
    assertThat(broken.reason()).contains(reasonPart);
  }

  /** The store of the running test. */
  protected final MetadataStore store() {
    return store;
  }

  /** Appends one event in its own transaction. */
  protected final void append(String action) {
    store.inTransaction(tx -> tx.audit().append(Samples.event(action)));
  }

  private VerifyResult verify() {
    return store.read((Transaction tx) -> TrailVerifier.verify(tx.audit()));
  }

  protected final AuditRecord record(long seq) {
    return store.read((Transaction tx) -> tx.audit().records(seq, 1)).getFirst();
  }

  /** Renumbers events {@code from…} up by {@code by}, in two steps so no key collides. */
  private void shiftFrom(long from, long by) {
    tamper("UPDATE audit_events SET seq = seq + 1000000 WHERE seq >= ?", from);
    tamper("UPDATE audit_events SET seq = seq - 1000000 + ? WHERE seq >= 1000000", by);
  }

  private void overwrite(long seq, AuditRecord with) {
    tamper(
        "UPDATE audit_events SET event_json = ?, leaf_hash = ?, chain_hash = ? WHERE seq = ?",
        new String(with.leaf(), StandardCharsets.UTF_8),
        with.leafHash(),
        with.chainHash(),
        seq);
  }
}
