package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.signature.Meaning;
import io.cordon.audit.signature.SignatureCheck;
import io.cordon.audit.signature.SignatureId;
import io.cordon.audit.signature.SignatureKey;
import io.cordon.audit.signature.SignatureKind;
import io.cordon.audit.signature.SignatureRecord;
import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import io.cordon.context.CordonException;
import io.cordon.identity.User;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code Signatures} and {@code Deliveries} ports on a real database, and the tamper evidence
 * of stored signatures (21 CFR 11.70): a record moved to another file or version, or content whose
 * hash changed, changed directly in the database behind the store's back, fails verification. An
 * adapter's test says how to open a store on an empty database and how to reach it with JDBC.
 */
public abstract class SignatureStoreContract {
  private final SignatureKey key = SignatureKey.generate();
  private MetadataStore store;
  private Samples.Seed seed;
  private StoredFile file;
  private FileVersion v1;
  private FileVersion v2;
  private SignatureRecord signed;

  /** Opens a migrated store on an empty database that no other test uses. */
  protected abstract MetadataStore freshStore();

  /** The JDBC URL of the running test's database. */
  protected abstract String jdbcUrl();

  /**
   * Lets the test change file versions directly, as an administrator with full control of the
   * database could: removes whatever guards the schema puts on that table.
   */
  protected abstract void dropVersionGuards(Connection raw) throws SQLException;

  @BeforeEach
  final void signOneVersion() {
    store = freshStore();
    seed = store.inTransaction(Samples::seed);
    file = Samples.file(seed.workspace().id(), seed.user().id(), "batch-record.pdf");
    store.inTransaction(tx -> tx.files().findOrCreate(file));
    v1 = store.inTransaction(tx -> tx.files().appendVersion(Samples.version(file.id(), user())));
    v2 = store.inTransaction(tx -> tx.files().appendVersion(Samples.version(file.id(), user())));
    signed = key.seal(record(v2, SignatureKind.SIGNATURE, Meaning.APPROVED));
    store.inTransaction(
        tx -> {
          tx.signatures().insert(signed);
          return null;
        });
  }

  @AfterEach
  final void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void insert_thenRead_keepsEveryFieldAndStaysValid() {
    assertThat(read((Transaction tx) -> tx.signatures().find(signed.id()))).contains(signed);
    assertThat(read((Transaction tx) -> tx.signatures().forFile(file.id())))
        .containsExactly(signed);
    assertThat(check(signed.id())).isEqualTo(new SignatureCheck.Valid());
  }

  @Test
  void insert_sameIdTwice_conflictAndFirstKept() {
    SignatureRecord again = key.seal(record(v1, SignatureKind.SIGNATURE, Meaning.AUTHORED));
    SignatureRecord clash =
        key.seal(
            new SignatureRecord(
                signed.id(),
                again.kind(),
                again.file(),
                again.version(),
                again.versionId(),
                again.sha256(),
                again.signer(),
                again.printedName(),
                again.meaning(),
                again.signedAt(),
                again.zone(),
                again.auditSeq(),
                "",
                new byte[0]));

    assertThatThrownBy(() -> write(tx -> tx.signatures().insert(clash)))
        .isInstanceOf(CordonException.Conflict.class);
    assertThat(read((Transaction tx) -> tx.signatures().find(signed.id()))).contains(signed);
  }

  @Test
  void forFileAndPage_severalVersionsAndKinds_allListedOldestVersionFirst() {
    SignatureRecord onV1 = key.seal(record(v1, SignatureKind.SIGNATURE, Meaning.AUTHORED));
    SignatureRecord receipt = key.seal(record(v2, SignatureKind.RECEIPT, Meaning.RECEIVED));
    write(tx -> tx.signatures().insert(onV1));
    write(tx -> tx.signatures().insert(receipt));

    assertThat(read((Transaction tx) -> tx.signatures().forFile(file.id())))
        .extracting(SignatureRecord::version)
        .containsExactly(1, 2, 2);
    List<SignatureRecord> first =
        read((Transaction tx) -> tx.signatures().page(Optional.empty(), 2));
    List<SignatureRecord> rest =
        read((Transaction tx) -> tx.signatures().page(Optional.of(first.getLast().id()), 2));
    assertThat(first).hasSize(2);
    assertThat(rest).hasSize(1);
    assertThat(List.of(first.get(0), first.get(1), rest.get(0)))
        .containsExactlyInAnyOrder(signed, onV1, receipt);
  }

  @Test
  void tamper_rowMovedToAnotherVersion_invalid() {
    tamper("UPDATE signatures SET version = 1 WHERE id = ?", signed.id().value());

    assertThat(check(signed.id()).isValid()).isFalse();
  }

  @Test
  void tamper_rowMovedToAnotherVersionWithItsIdAndHash_sealFails() {
    tamper(
        "UPDATE signatures SET version = 1, version_id = ?, sha256 = ? WHERE id = ?",
        v1.versionId(),
        v1.sha256(),
        signed.id().value());

    assertThat(check(signed.id()))
        .isEqualTo(new SignatureCheck.Invalid("the seal does not match the record"));
  }

  @Test
  void tamper_rowMovedToAnotherFile_invalid() {
    StoredFile other = Samples.file(seed.workspace().id(), user(), "other.pdf");
    write(tx -> tx.files().findOrCreate(other));
    FileVersion there =
        store.inTransaction(tx -> tx.files().appendVersion(Samples.version(other.id(), user())));
    write(tx -> tx.files().appendVersion(Samples.version(other.id(), user())));
    tamper(
        "UPDATE signatures SET file_id = ?, version = 1, version_id = ?, sha256 = ? WHERE id = ?",
        other.id().value(),
        there.versionId(),
        there.sha256(),
        signed.id().value());

    assertThat(read((Transaction tx) -> tx.signatures().forFile(other.id()))).hasSize(1);
    assertThat(check(signed.id()))
        .isEqualTo(new SignatureCheck.Invalid("the seal does not match the record"));
  }

  @Test
  void tamper_versionContentHashChanged_invalid() throws SQLException {
    try (Connection raw = DriverManager.getConnection(jdbcUrl())) {
      dropVersionGuards(raw);
      try (PreparedStatement st =
          raw.prepareStatement(
              "UPDATE file_versions SET sha256 = ? WHERE file_id = ? AND number = 2")) {
        st.setString(1, Samples.hex(32));
        st.setString(2, file.id().value());
        assertThat(st.executeUpdate()).isEqualTo(1);
      }
    }

    assertThat(check(signed.id()))
        .isEqualTo(new SignatureCheck.Invalid("the version's content hash is not the signed hash"));
  }

  @Test
  void tamper_signedHashChangedInRecord_invalid() {
    tamper("UPDATE signatures SET sha256 = ? WHERE id = ?", Samples.hex(32), signed.id().value());

    assertThat(check(signed.id()).isValid()).isFalse();
  }

  @Test
  void tamper_printedNameOrMeaningChanged_sealFails() {
    tamper("UPDATE signatures SET meaning = 'authored' WHERE id = ?", signed.id().value());
    assertThat(check(signed.id()).isValid()).isFalse();
  }

  @Test
  void tamper_signedTimeChanged_sealFails() {
    tamper(
        "UPDATE signatures SET signed_ms = signed_ms - 86400000 WHERE id = ?", signed.id().value());

    assertThat(check(signed.id()).isValid()).isFalse();
  }

  @Test
  void downloaded_onlyASuccessfulDownloadOfThatVersionByThatUserCounts() {
    User other = store.inTransaction(tx -> insertUser(tx, "other"));
    append("file.download", seed.user(), AuditEvent.Outcome.SUCCESS, Map.of("version", 1));
    append("file.download", seed.user(), AuditEvent.Outcome.DENIED, Map.of("version", 2));
    append(
        "file.download",
        seed.user(),
        AuditEvent.Outcome.SUCCESS,
        Map.of("version", 2, "rendition", "signature-stamped"));
    append("file.download", other, AuditEvent.Outcome.SUCCESS, Map.of("version", 2));

    assertThat(read((Transaction tx) -> tx.deliveries().downloaded(user(), file.id(), 1))).isTrue();
    assertThat(read((Transaction tx) -> tx.deliveries().downloaded(user(), file.id(), 2)))
        .isFalse();
    assertThat(read((Transaction tx) -> tx.deliveries().downloaded(other.id(), file.id(), 2)))
        .isTrue();
    assertThat(read((Transaction tx) -> tx.deliveries().downloaded(other.id(), file.id(), 1)))
        .isFalse();
  }

  @Test
  void displayName_roundTripsAndPrintsInsteadOfUsername() {
    User named = seed.user().withDisplayName(Optional.of("Dr. Zoë Ağaoğlu"));
    write(tx -> tx.users().update(named));

    User stored = read((Transaction tx) -> tx.users().find(named.id())).orElseThrow();
    assertThat(stored.displayName()).contains("Dr. Zoë Ağaoğlu");
    assertThat(stored.printedName()).isEqualTo("Dr. Zoë Ağaoğlu");
    assertThat(seed.user().printedName()).isEqualTo(seed.user().username());
  }

  @Test
  void advanceTotpStep_onlyForward() {
    long stored = seed.user().totpLastStep();

    assertThat(store.inTransaction((Transaction tx) -> tx.users().advanceTotpStep(user(), stored)))
        .isFalse();
    assertThat(
            store.inTransaction((Transaction tx) -> tx.users().advanceTotpStep(user(), stored + 1)))
        .isTrue();
    assertThat(
            store.inTransaction((Transaction tx) -> tx.users().advanceTotpStep(user(), stored + 1)))
        .isFalse();
    assertThat(read((Transaction tx) -> tx.users().find(user())).orElseThrow().totpLastStep())
        .isEqualTo(stored + 1);
  }

  private SignatureCheck check(SignatureId id) {
    return read(
        tx -> {
          SignatureRecord r = tx.signatures().find(id).orElseThrow();
          return key.check(r, tx.files().version(r.file(), r.version()));
        });
  }

  private SignatureRecord record(FileVersion v, SignatureKind kind, Meaning meaning) {
    return new SignatureRecord(
        SignatureId.random(),
        kind,
        v.file(),
        v.number(),
        v.versionId(),
        v.sha256(),
        user(),
        "Jane Roe",
        meaning,
        Samples.now(),
        ZoneId.of("Europe/Berlin"),
        7,
        "",
        new byte[0]);
  }

  private io.cordon.identity.UserId user() {
    return seed.user().id();
  }

  private User insertUser(Transaction tx, String name) {
    User u = Samples.user(seed.org().id(), Samples.unique(name));
    tx.users().insert(u);
    return u;
  }

  private void append(String action, User who, AuditEvent.Outcome outcome, Map<String, Object> d) {
    AuditEvent template = Samples.event(action);
    AuditEvent event =
        new AuditEvent(
            0,
            template.time(),
            new AuditEvent.Actor(
                Optional.of(who.id().value()),
                Optional.of(who.username()),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty()),
            action,
            Optional.of(AuditEvent.AuditObject.of("file", file.id().value(), file.name())),
            outcome,
            Optional.empty(),
            template.context(),
            d);
    write(tx -> tx.audit().append(event));
  }

  private void tamper(String sql, Object... parameters) {
    try (Connection raw = DriverManager.getConnection(jdbcUrl());
        PreparedStatement st = raw.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      assertThat(st.executeUpdate()).as(sql).isEqualTo(1);
    } catch (SQLException e) {
      throw new AssertionError("tampering failed: " + sql, e);
    }
  }

  private void write(java.util.function.Consumer<Transaction> work) {
    store.inTransaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  private <T> T read(java.util.function.Function<Transaction, T> work) {
    return store.read(work);
  }
}
