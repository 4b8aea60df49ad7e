package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.context.OpaqueId;
import io.cordon.identity.Organisation;
import io.cordon.identity.Passkey;
import io.cordon.identity.SessionRecord;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.identity.WebAuthnChallenge;
import io.cordon.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Second factors besides TOTP: passkeys (unique credential ids, a counter that only grows), their
 * single-use ceremony challenges, recovery codes spent once. The compare-and-set operations are
 * raced from several threads, as two nodes would.
 */
abstract class MfaChecks extends WitnessChecks {
  private UserId newUser() {
    Organisation org = Samples.organisation();
    User user = Samples.user(org.id(), Samples.unique("mfa"));
    write(
        tx -> {
          tx.organisations().insert(org);
          tx.users().insert(user);
        });
    return user.id();
  }

  private static Passkey passkey(UserId user, long count) {
    return new Passkey(
        OpaqueId.next("pk"),
        user,
        Samples.unique("cred"),
        "pQECAyYgASFYIA",
        count,
        "laptop",
        Samples.now(),
        Optional.empty());
  }

  @Test
  void passkeys_insert_listedFoundAndCounted() {
    UserId user = newUser();
    Passkey first = passkey(user, 0);
    Passkey second = passkey(user, 7);

    write(
        tx -> {
          tx.passkeys().insert(first);
          tx.passkeys().insert(second);
        });

    assertThat(read((Transaction tx) -> tx.passkeys().listFor(user)))
        .containsExactlyInAnyOrder(first, second);
    assertThat(read((Transaction tx) -> tx.passkeys().countFor(user))).isEqualTo(2);
    assertThat(read((Transaction tx) -> tx.passkeys().findByCredentialId(second.credentialId())))
        .contains(second);
    assertThat(read((Transaction tx) -> tx.passkeys().findByCredentialId("nope"))).isEmpty();
    UserId other = newUser();
    assertThat(read((Transaction tx) -> tx.passkeys().countFor(other))).isZero();
  }

  @Test
  void passkeys_duplicateCredentialId_conflict() {
    UserId user = newUser();
    Passkey p = passkey(user, 0);
    write(tx -> tx.passkeys().insert(p));
    Passkey twin =
        new Passkey(
            OpaqueId.next("pk"),
            newUser(),
            p.credentialId(),
            p.publicKeyCose(),
            0,
            "other",
            p.created(),
            Optional.empty());

    assertThatThrownBy(() -> write(tx -> tx.passkeys().insert(twin)))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void passkeys_delete_onlyTheOwnersOwn() {
    UserId user = newUser();
    Passkey p = passkey(user, 0);
    write(tx -> tx.passkeys().insert(p));

    UserId other = newUser();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().delete(other, p.id()))).isFalse();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().delete(user, p.id()))).isTrue();
    assertThat(read((Transaction tx) -> tx.passkeys().listFor(user))).isEmpty();
  }

  @Test
  void passkeys_recordUse_counterOnlyGrows() {
    UserId user = newUser();
    Passkey p = passkey(user, 5);
    write(tx -> tx.passkeys().insert(p));
    Instant at = Samples.now();

    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 5, at))).isFalse();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 4, at))).isFalse();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 6, at))).isTrue();

    Passkey stored = read((Transaction tx) -> tx.passkeys().listFor(user)).get(0);
    assertThat(stored.signCount()).isEqualTo(6);
    assertThat(stored.lastUsed()).contains(at);
  }

  @Test
  void passkeys_recordUse_zeroCounterAuthenticatorStaysUsable() {
    UserId user = newUser();
    Passkey p = passkey(user, 0);
    write(tx -> tx.passkeys().insert(p));

    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 0, Samples.now())))
        .isTrue();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 0, Samples.now())))
        .isTrue();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 1, Samples.now())))
        .isTrue();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 0, Samples.now())))
        .isFalse();
  }

  @Test
  void passkeys_recordUseRacing_oneCounterValueAcceptedOnce() throws Exception {
    UserId user = newUser();
    Passkey p = passkey(user, 1);
    write(tx -> tx.passkeys().insert(p));

    List<Boolean> accepted =
        Concurrently.run(
            6,
            i ->
                writeAndGet((Transaction tx) -> tx.passkeys().recordUse(p.id(), 2, Samples.now())));

    assertThat(accepted).containsOnlyOnce(true);
  }

  private WebAuthnChallenge challenge(String session, Instant expires) {
    return new WebAuthnChallenge(
        OpaqueId.next("wc"), session, WebAuthnChallenge.AUTHENTICATE, "{\"r\":1}", expires);
  }

  @Test
  void challenges_take_onceAndOnlyByTheirSession() {
    UserId user = newUser();
    SessionRecord s = Samples.session(user, Samples.now().plus(Duration.ofHours(1)));
    write(tx -> tx.sessions().insert(s));
    WebAuthnChallenge c = challenge(s.id(), Samples.now().plusSeconds(300));
    write(tx -> tx.passkeys().insertChallenge(c));

    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().takeChallenge(c.id(), "s_other")))
        .isEmpty();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().takeChallenge(c.id(), s.id())))
        .contains(c);
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().takeChallenge(c.id(), s.id())))
        .isEmpty();
  }

  @Test
  void challenges_countLive_perSessionAndUnexpiredOnly() {
    Instant now = Samples.now();
    String session = "s_" + Samples.unique("count").replace("-", "");
    write(
        tx -> {
          tx.passkeys().insertChallenge(challenge(session, now.plusSeconds(60)));
          tx.passkeys().insertChallenge(challenge(session, now.plusSeconds(60)));
          tx.passkeys().insertChallenge(challenge(session, now.minusSeconds(1)));
          tx.passkeys().insertChallenge(challenge("s_elsewhere", now.plusSeconds(60)));
        });

    assertThat(read((Transaction tx) -> tx.passkeys().countLiveChallenges(session, now)))
        .isEqualTo(2);
    assertThat(read((Transaction tx) -> tx.passkeys().countLiveChallenges("s_none", now))).isZero();
  }

  @Test
  void challenges_takeRacing_onlyOneWins() throws Exception {
    WebAuthnChallenge c = challenge("s_racing", Samples.now().plusSeconds(300));
    write(tx -> tx.passkeys().insertChallenge(c));

    List<Boolean> taken =
        Concurrently.run(
            6,
            i ->
                writeAndGet(
                    (Transaction tx) ->
                        tx.passkeys().takeChallenge(c.id(), "s_racing").isPresent()));

    assertThat(taken).containsOnlyOnce(true);
  }

  @Test
  void challenges_deleteExpired_keepsLiveOnes() {
    Instant now = Samples.now();
    WebAuthnChallenge old = challenge("s_a", now.minusSeconds(1));
    WebAuthnChallenge live = challenge("s_a", now.plusSeconds(300));
    write(
        tx -> {
          tx.passkeys().insertChallenge(old);
          tx.passkeys().insertChallenge(live);
        });

    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().deleteExpiredChallenges(now)))
        .isPositive();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().takeChallenge(old.id(), "s_a")))
        .isEmpty();
    assertThat(writeAndGet((Transaction tx) -> tx.passkeys().takeChallenge(live.id(), "s_a")))
        .contains(live);
  }

  @Test
  void recoveryCodes_spend_onceAndReplaceVoidsOldSet() {
    UserId user = newUser();
    write(tx -> tx.recoveryCodes().replace(user, Set.of("h1", "h2", "h3"), Samples.now()));
    assertThat(read((Transaction tx) -> tx.recoveryCodes().remaining(user))).isEqualTo(3);

    assertThat(writeAndGet((Transaction tx) -> tx.recoveryCodes().spend(user, "h2", Samples.now())))
        .isTrue();
    assertThat(writeAndGet((Transaction tx) -> tx.recoveryCodes().spend(user, "h2", Samples.now())))
        .isFalse();
    UserId other = newUser();
    assertThat(
            writeAndGet((Transaction tx) -> tx.recoveryCodes().spend(other, "h1", Samples.now())))
        .isFalse();
    assertThat(read((Transaction tx) -> tx.recoveryCodes().remaining(user))).isEqualTo(2);

    write(tx -> tx.recoveryCodes().replace(user, Set.of("h4"), Samples.now()));
    assertThat(writeAndGet((Transaction tx) -> tx.recoveryCodes().spend(user, "h1", Samples.now())))
        .isFalse();
    assertThat(read((Transaction tx) -> tx.recoveryCodes().remaining(user))).isEqualTo(1);
  }

  @Test
  void recoveryCodes_spendRacing_onlyOneWins() throws Exception {
    UserId user = newUser();
    write(tx -> tx.recoveryCodes().replace(user, Set.of("only"), Samples.now()));

    List<Boolean> spent =
        Concurrently.run(
            6,
            i ->
                writeAndGet(
                    (Transaction tx) -> tx.recoveryCodes().spend(user, "only", Samples.now())));

    assertThat(spent).containsOnlyOnce(true);
  }

  @Test
  void sessions_passwordRecoveryMethod_roundTrips() {
    UserId user = newUser();
    SessionRecord s = Samples.session(user, Samples.now().plus(Duration.ofHours(1)));
    write(tx -> tx.sessions().insert(s));
    write(tx -> tx.sessions().update(s.completedFactor(AuthMethod.PASSWORD_RECOVERY)));

    assertThat(read((Transaction tx) -> tx.sessions().find(s.id())).orElseThrow().auth())
        .isEqualTo(AuthMethod.PASSWORD_RECOVERY);
  }
}
