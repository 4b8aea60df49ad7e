package io.cordon.store.sql;

import io.cordon.audit.signature.Meaning;
import io.cordon.audit.signature.SignatureId;
import io.cordon.audit.signature.SignatureKind;
import io.cordon.audit.signature.SignatureRecord;
import io.cordon.audit.signature.Signatures;
import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import io.cordon.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Signature records in {@code signatures}: insert and read only, no update or delete. Lives as long
 * as its transaction.
 */
final class JdbiSignatures implements Signatures {
  private static final String COLUMNS =
      "id, kind, file_id, version, version_id, sha256, signer_id, printed_name, meaning,"
          + " signed_ms, time_zone, audit_seq, key_id, seal";

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiSignatures(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(SignatureRecord r) {
    try {
      handle
          .createUpdate(
              "INSERT INTO signatures ("
                  + COLUMNS
                  + ") VALUES (:id, :kind, :file, :version, :versionId, :sha256, :signer,"
                  + " :name, :meaning, :signed, :zone, :seq, :keyId, :seal)")
          .bind("id", r.id().value())
          .bind("kind", r.kind().code())
          .bind("file", r.file().value())
          .bind("version", r.version())
          .bind("versionId", r.versionId())
          .bind("sha256", r.sha256())
          .bind("signer", r.signer().value())
          .bind("name", r.printedName())
          .bind("meaning", r.meaning().code())
          .bind("signed", Columns.millis(r.signedAt()))
          .bind("zone", r.zone().getId())
          .bind("seq", r.auditSeq())
          .bind("keyId", r.keyId())
          .bind("seal", Base64.getEncoder().encodeToString(r.seal()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "a signature with this id exists");
    }
  }

  @Override
  public Optional<SignatureRecord> find(SignatureId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM signatures WHERE id = :id")
        .bind("id", id.value())
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  @Override
  public List<SignatureRecord> forFile(FileId file) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM signatures WHERE file_id = :file ORDER BY version, signed_ms, id")
        .bind("file", file.value())
        .map((rs, ctx) -> read(rs))
        .list();
  }

  @Override
  public List<SignatureRecord> page(Optional<SignatureId> afterId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM signatures WHERE id > :after ORDER BY id LIMIT :limit")
        .bind("after", afterId.map(SignatureId::value).orElse(""))
        .bind("limit", limit)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  private static SignatureRecord read(ResultSet rs) throws SQLException {
    try {
      return new SignatureRecord(
          new SignatureId(rs.getString("id")),
          SignatureKind.fromCode(rs.getString("kind")),
          new FileId(rs.getString("file_id")),
          rs.getInt("version"),
          rs.getString("version_id"),
          rs.getString("sha256"),
          new UserId(rs.getString("signer_id")),
          rs.getString("printed_name"),
          Meaning.fromCode(rs.getString("meaning")),
          Columns.instant(rs, "signed_ms"),
          ZoneId.of(rs.getString("time_zone")),
          rs.getLong("audit_seq"),
          rs.getString("key_id"),
          Base64.getDecoder().decode(rs.getString("seal")));
    } catch (IllegalArgumentException | DateTimeException | CordonException e) {
      // Only a change behind Cordon's back makes a row unreadable: name it, do not crash on it.
      throw new CordonException.IntegrityViolation(
          "stored signature " + rs.getString("id") + " is malformed", e);
    }
  }
}
