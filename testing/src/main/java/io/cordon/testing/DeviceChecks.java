package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.identity.DeviceId;
import io.cordon.identity.DeviceRecord;
import io.cordon.identity.SessionAnchor;
import io.cordon.identity.SessionRecord;
import io.cordon.identity.UserId;
import io.cordon.storage.Transaction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registered devices and the session anchor (zone, country, device, second-factor time). */
abstract class DeviceChecks extends UploadChecks {
  private final java.time.Instant t0 = Samples.now();

  private DeviceRecord device(UserId user, long createdOffsetSeconds) {
    return new DeviceRecord(
        DeviceId.random(),
        user,
        Samples.hex(32),
        "Mozilla/5.0 (X11; Linux x86_64)",
        "203.0.113.7",
        t0.plusSeconds(createdOffsetSeconds),
        t0.plusSeconds(createdOffsetSeconds),
        Optional.empty());
  }

  @Test
  void devices_insert_findableByIdHashAndUserNewestFirst() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    DeviceRecord older = device(seed.user().id(), 0);
    DeviceRecord newer = device(seed.user().id(), 60);
    write(
        tx -> {
          tx.devices().insert(older);
          tx.devices().insert(newer);
        });

    assertThat(read((Transaction tx) -> tx.devices().find(older.id()))).contains(older);
    assertThat(read((Transaction tx) -> tx.devices().findBySecretHash(newer.secretHash())))
        .contains(newer);
    assertThat(read((Transaction tx) -> tx.devices().listByUser(seed.user().id())))
        .containsExactly(newer, older);
    assertThat(read((Transaction tx) -> tx.devices().find(DeviceId.random()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.devices().findBySecretHash(Samples.hex(32)))).isEmpty();
  }

  @Test
  void devices_duplicateSecret_conflictWithoutEchoingIt() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    DeviceRecord first = device(seed.user().id(), 0);
    write(tx -> tx.devices().insert(first));
    DeviceRecord twin =
        new DeviceRecord(
            DeviceId.random(),
            seed.user().id(),
            first.secretHash(),
            "",
            "",
            t0,
            t0,
            Optional.empty());

    assertThatThrownBy(() -> write(tx -> tx.devices().insert(twin)))
        .isInstanceOf(CordonException.Conflict.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(first.secretHash()));
  }

  @Test
  void devices_revoke_onceOnly_andTouchOnlyMovesForward() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    DeviceRecord d = device(seed.user().id(), 0);
    write(tx -> tx.devices().insert(d));

    write(tx -> tx.devices().touch(d.id(), t0.plusSeconds(30)));
    write(tx -> tx.devices().touch(d.id(), t0.plusSeconds(10)));
    boolean first =
        writeAndGet((Transaction tx) -> tx.devices().revoke(d.id(), t0.plusSeconds(40)));
    boolean second =
        writeAndGet((Transaction tx) -> tx.devices().revoke(d.id(), t0.plusSeconds(50)));

    DeviceRecord stored = read((Transaction tx) -> tx.devices().find(d.id())).orElseThrow();
    assertThat(stored.lastSeen()).isEqualTo(t0.plusSeconds(30));
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(stored.revoked()).contains(t0.plusSeconds(40));
    assertThat(stored.isTrustedFor(seed.user().id())).isFalse();
  }

  @Test
  void sessions_anchor_roundTripsOnInsertAndUpdate() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    SessionRecord plain = Samples.session(seed.user().id(), t0.plusSeconds(3600));
    SessionRecord anchored =
        plain.withAnchor(
            new SessionAnchor(
                Optional.empty(), Optional.of("office"), Optional.of("GB"), Optional.empty()));
    write(tx -> tx.sessions().insert(anchored));
    assertThat(read((Transaction tx) -> tx.sessions().find(plain.id()))).contains(anchored);

    SessionRecord stepped =
        anchored
            .provedSecondFactor(
                AuthMethod.PASSWORD_TOTP,
                t0.plusSeconds(5),
                Optional.of("internet"),
                Optional.of("SE"))
            .withAnchor(
                anchored
                    .anchor()
                    .steppedUp(t0.plusSeconds(5), Optional.of("internet"), Optional.of("SE"))
                    .onDevice(DeviceId.random()));
    write(tx -> tx.sessions().update(stepped));

    SessionRecord stored = read((Transaction tx) -> tx.sessions().find(plain.id())).orElseThrow();
    assertThat(stored).isEqualTo(stepped);
    assertThat(stored.anchor().secondFactorAt()).contains(t0.plusSeconds(5));
    assertThat(stored.mfaPending()).isFalse();
  }
}
