package io.cordon.store.sql;

import io.cordon.identity.DeviceId;
import io.cordon.identity.DeviceRecord;
import io.cordon.identity.Devices;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Devices in the {@code devices} table. Lives as long as its transaction. */
final class JdbiDevices implements Devices {
  private static final RowMapper<DeviceRecord> ROW =
      (rs, ctx) ->
          new DeviceRecord(
              new DeviceId(rs.getString("id")),
              new UserId(rs.getString("user_id")),
              rs.getString("secret_hash"),
              rs.getString("label"),
              rs.getString("first_ip"),
              Columns.instant(rs, "created_ms"),
              Columns.instant(rs, "last_seen_ms"),
              Columns.optionalInstant(rs, "revoked_ms"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiDevices(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(DeviceRecord d) {
    try {
      handle
          .createUpdate(
              "INSERT INTO devices (id, user_id, secret_hash, label, first_ip, created_ms,"
                  + " last_seen_ms, revoked_ms) VALUES (:id, :user, :hash, :label, :ip, :created,"
                  + " :seen, :revoked)")
          .bind("id", d.id().value())
          .bind("user", d.user().value())
          .bind("hash", d.secretHash())
          .bind("label", d.label())
          .bind("ip", d.firstIp())
          .bind("created", Columns.millis(d.created()))
          .bind("seen", Columns.millis(d.lastSeen()))
          .bind("revoked", Columns.millis(d.revoked()))
          .execute();
    } catch (JdbiException e) {
      // Never echo the hash: it is credential-adjacent.
      throw dialect.translate(e, "a device with this id or credential already exists");
    }
  }

  @Override
  public Optional<DeviceRecord> find(DeviceId id) {
    return handle
        .createQuery("SELECT * FROM devices WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public Optional<DeviceRecord> findBySecretHash(String secretHash) {
    return handle
        .createQuery("SELECT * FROM devices WHERE secret_hash = :hash")
        .bind("hash", secretHash)
        .map(ROW)
        .findOne();
  }

  @Override
  public List<DeviceRecord> listByUser(UserId user) {
    return handle
        .createQuery("SELECT * FROM devices WHERE user_id = :user ORDER BY created_ms DESC, id")
        .bind("user", user.value())
        .map(ROW)
        .list();
  }

  @Override
  public void touch(DeviceId id, Instant at) {
    handle
        .createUpdate("UPDATE devices SET last_seen_ms = :at WHERE id = :id AND last_seen_ms < :at")
        .bind("id", id.value())
        .bind("at", Columns.millis(at))
        .execute();
  }

  @Override
  public boolean revoke(DeviceId id, Instant at) {
    // Compare-and-set, so two revocations racing on two nodes record one revocation time.
    return handle
            .createUpdate(
                "UPDATE devices SET revoked_ms = :at WHERE id = :id AND revoked_ms IS NULL")
            .bind("id", id.value())
            .bind("at", Columns.millis(at))
            .execute()
        == 1;
  }
}
