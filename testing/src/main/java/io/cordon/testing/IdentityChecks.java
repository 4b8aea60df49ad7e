package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.identity.ApiTokenRecord;
import io.cordon.identity.OrgId;
import io.cordon.identity.Organisation;
import io.cordon.identity.SessionRecord;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.identity.UserStatus;
import io.cordon.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Organisations, users, sessions and API tokens. */
abstract class IdentityChecks extends TransactionChecks {
  @Test
  void organisations_insert_findableByIdNameAndList() {
    Organisation org = Samples.organisation();

    write(tx -> tx.organisations().insert(org));

    assertThat(read((Transaction tx) -> tx.organisations().find(org.id()))).contains(org);
    assertThat(read((Transaction tx) -> tx.organisations().findByName(org.name()))).contains(org);
    assertThat(read((Transaction tx) -> tx.organisations().list())).contains(org);
    assertThat(read((Transaction tx) -> tx.organisations().find(OrgId.random()))).isEmpty();
  }

  @Test
  void organisations_duplicateName_conflictNamingIt() {
    Organisation org = Samples.organisation();
    write(tx -> tx.organisations().insert(org));
    Organisation twin = new Organisation(OrgId.random(), org.name(), org.kind(), org.created());

    assertThatThrownBy(() -> write(tx -> tx.organisations().insert(twin)))
        .isInstanceOf(CordonException.Conflict.class)
        .hasMessageContaining(org.name());
  }

  @Test
  void users_insert_roundTripsEveryField() {
    Organisation org = Samples.organisation();
    User full = Samples.user(org.id(), Samples.unique("full"));
    User bare =
        new User(
            UserId.random(),
            Samples.unique("bare"),
            "",
            org.id(),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            false,
            0,
            0,
            Optional.empty(),
            UserStatus.DISABLED,
            Samples.now());

    write(
        tx -> {
          tx.organisations().insert(org);
          tx.users().insert(full);
          tx.users().insert(bare);
        });

    assertThat(read((Transaction tx) -> tx.users().find(full.id()))).contains(full);
    assertThat(read((Transaction tx) -> tx.users().find(bare.id()))).contains(bare);
    assertThat(read((Transaction tx) -> tx.users().list())).contains(full, bare);
  }

  @Test
  void users_findByUsername_ignoresCaseWhateverTheLocale() {
    Organisation org = Samples.organisation();
    // Dotted and dotless i: a Turkish-locale lowercasing would make these two names differ.
    User user = Samples.user(org.id(), "Iris-" + Samples.unique("QUI"));
    write(
        tx -> {
          tx.organisations().insert(org);
          tx.users().insert(user);
        });

    String upper = user.username().toUpperCase(Locale.ROOT);
    String lower = user.username().toLowerCase(Locale.ROOT);

    assertThat(read((Transaction tx) -> tx.users().findByUsername(upper))).contains(user);
    assertThat(read((Transaction tx) -> tx.users().findByUsername(lower))).contains(user);
  }

  @Test
  void users_usernameDifferingOnlyInCase_conflict() {
    Organisation org = Samples.organisation();
    User user = Samples.user(org.id(), Samples.unique("Alice"));
    write(
        tx -> {
          tx.organisations().insert(org);
          tx.users().insert(user);
        });
    User twin = Samples.user(org.id(), user.username().toUpperCase(Locale.ROOT));

    assertThatThrownBy(() -> write(tx -> tx.users().insert(twin)))
        .isInstanceOf(CordonException.Conflict.class)
        .hasMessageContaining("taken");
  }

  @Test
  void users_setLoginFailures_changesOnlyTheCounters_keepingASpentTotpStep() {
    Organisation org = Samples.organisation();
    User user = Samples.user(org.id(), Samples.unique("carol"));
    write(
        tx -> {
          tx.organisations().insert(org);
          tx.users().insert(user);
        });
    Instant until = Samples.now().plus(Duration.ofMinutes(15));
    long spent = user.totpLastStep() + 1000;

    // Another node spends a code between this node's read of the user and its failure write.
    assertThat(writeAndGet((Transaction tx) -> tx.users().advanceTotpStep(user.id(), spent)))
        .isTrue();
    write(tx -> tx.users().setLoginFailures(user.id(), 3, Optional.of(until)));

    User stored = read((Transaction tx) -> tx.users().find(user.id())).orElseThrow();
    assertThat(stored.totpLastStep()).isEqualTo(spent);
    assertThat(stored.failedLogins()).isEqualTo(3);
    assertThat(stored.lockedUntil()).contains(until);
    assertThat(stored.withLoginFailures(3, Optional.of(until)))
        .isEqualTo(user.withTotpStep(spent).withLoginFailures(3, Optional.of(until)));
    write(tx -> tx.users().setLoginFailures(user.id(), 0, Optional.empty()));
    assertThat(read((Transaction tx) -> tx.users().find(user.id())).orElseThrow().lockedUntil())
        .isEmpty();
    assertThatThrownBy(
            () -> write(tx -> tx.users().setLoginFailures(UserId.random(), 1, Optional.empty())))
        .isInstanceOf(CordonException.NotFound.class);
  }

  @Test
  void users_insertInUnknownOrganisation_conflict() {
    User orphan = Samples.user(OrgId.random(), Samples.unique("orphan"));

    assertThatThrownBy(() -> write(tx -> tx.users().insert(orphan)))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void users_update_replacesMutableFields() {
    Organisation org = Samples.organisation();
    User user = Samples.user(org.id(), Samples.unique("bob"));
    write(
        tx -> {
          tx.organisations().insert(org);
          tx.users().insert(user);
        });
    User changed =
        user.withPasswordHash("$argon2id$new")
            .withTotp(Optional.empty(), false)
            .withLoginFailures(0, Optional.empty())
            .withStatus(UserStatus.DISABLED);

    write(tx -> tx.users().update(changed));

    assertThat(read((Transaction tx) -> tx.users().find(user.id()))).contains(changed);
  }

  @Test
  void users_updateUnknown_notFound() {
    User ghost = Samples.user(OrgId.random(), Samples.unique("ghost"));

    assertThatThrownBy(() -> write(tx -> tx.users().update(ghost)))
        .isInstanceOf(CordonException.NotFound.class);
  }

  @Test
  void sessions_insertUpdateFind_bySecretHash() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    SessionRecord session = Samples.session(seed.user().id(), Samples.now().plusSeconds(3600));
    write(tx -> tx.sessions().insert(session));
    SessionRecord updated =
        session
            .completedFactor(AuthMethod.PASSWORD_TOTP)
            .withLastSeen(Samples.now().plusSeconds(5))
            .asRevoked();

    write(tx -> tx.sessions().update(updated));

    assertThat(read((Transaction tx) -> tx.sessions().findBySecretHash(session.secretHash())))
        .contains(updated);
    assertThat(read((Transaction tx) -> tx.sessions().findBySecretHash(Samples.hex(32)))).isEmpty();
    assertThat(read((Transaction tx) -> tx.sessions().find(session.id()))).contains(updated);
    assertThat(read((Transaction tx) -> tx.sessions().find("s_unknown000000000000"))).isEmpty();
  }

  @Test
  void sessions_deleteExpired_removesOnlyThoseExpiredBefore() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    SessionRecord expired = Samples.session(seed.user().id(), Samples.now().minusSeconds(60));
    SessionRecord live = Samples.session(seed.user().id(), Samples.now().plusSeconds(3600));
    write(
        tx -> {
          tx.sessions().insert(expired);
          tx.sessions().insert(live);
        });

    int deleted = writeAndGet((Transaction tx) -> tx.sessions().deleteExpired(Samples.now()));

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(read((Transaction tx) -> tx.sessions().findBySecretHash(expired.secretHash())))
        .isEmpty();
    assertThat(read((Transaction tx) -> tx.sessions().findBySecretHash(live.secretHash())))
        .contains(live);
  }

  @Test
  void tokens_insertListRevoke_roundTrips() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    ApiTokenRecord first = Samples.token(seed.user().id());
    ApiTokenRecord second =
        new ApiTokenRecord(
            io.cordon.context.OpaqueId.next("t"),
            Samples.hex(32),
            seed.user().id(),
            Set.of("admin"),
            first.created().plus(Duration.ofSeconds(1)),
            first.expires(),
            false);
    write(
        tx -> {
          tx.tokens().insert(first);
          tx.tokens().insert(second);
        });

    write(tx -> tx.tokens().revoke(first.id()));

    ApiTokenRecord revoked =
        new ApiTokenRecord(
            first.id(),
            first.secretHash(),
            first.user(),
            first.scopes(),
            first.created(),
            first.expires(),
            true);
    assertThat(read((Transaction tx) -> tx.tokens().find(first.id()))).contains(revoked);
    assertThat(read((Transaction tx) -> tx.tokens().findBySecretHash(second.secretHash())))
        .contains(second);
    assertThat(read((Transaction tx) -> tx.tokens().listForUser(seed.user().id())))
        .containsExactly(revoked, second);
  }

  @Test
  void tokens_duplicateSecretHash_conflict() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    ApiTokenRecord token = Samples.token(seed.user().id());
    write(tx -> tx.tokens().insert(token));
    ApiTokenRecord twin =
        new ApiTokenRecord(
            io.cordon.context.OpaqueId.next("t"),
            token.secretHash(),
            token.user(),
            token.scopes(),
            token.created(),
            token.expires(),
            false);

    assertThatThrownBy(() -> write(tx -> tx.tokens().insert(twin)))
        .isInstanceOf(CordonException.Conflict.class);
  }
}
