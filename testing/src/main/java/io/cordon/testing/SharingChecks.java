package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.sharing.Invitation;
import io.cordon.sharing.OutboxMail;
import io.cordon.sharing.Share;
import io.cordon.sharing.ShareId;
import io.cordon.sharing.ShareRecipient;
import io.cordon.sharing.UploadRequest;
import io.cordon.sharing.UploadRequestId;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Shares, invitations and the mail outbox: round trips, and the compare-and-set updates that keep
 * download limits, first access, revocation and invitations exact under concurrency.
 */
abstract class SharingChecks extends DeviceChecks {
  private Share share(Samples.Seed seed, OptionalInt max) {
    Instant now = Samples.now();
    return new Share(
        ShareId.random(),
        FileId.random(),
        seed.workspace().id(),
        seed.user().id(),
        now,
        Optional.of(now.plusSeconds(3600)),
        max,
        true,
        false,
        true,
        Optional.empty(),
        Optional.empty());
  }

  private User otherUser(Samples.Seed seed) {
    User u = Samples.user(seed.org().id(), Samples.unique("recipient"));
    write(tx -> tx.users().insert(u));
    return u;
  }

  @Test
  void shares_insert_findsItByIdFileCreatorAndRecipient() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Share s = share(seed, OptionalInt.of(3));
    User r = otherUser(seed);
    write(
        tx -> {
          tx.shares().insert(s);
          tx.shares().addRecipient(s.id(), r.id());
          tx.shares().addRecipient(s.id(), r.id());
        });

    assertThat(read((Transaction tx) -> tx.shares().find(s.id()))).contains(s);
    assertThat(read((Transaction tx) -> tx.shares().ofFile(s.file()))).containsExactly(s);
    assertThat(read((Transaction tx) -> tx.shares().createdBy(seed.user().id()))).contains(s);
    assertThat(read((Transaction tx) -> tx.shares().receivedBy(r.id()))).containsExactly(s);
    assertThat(read((Transaction tx) -> tx.shares().ofFileFor(s.file(), r.id())))
        .containsExactly(s);
    assertThat(read((Transaction tx) -> tx.shares().ofFileFor(s.file(), seed.user().id())))
        .isEmpty();
    assertThat(read((Transaction tx) -> tx.shares().recipients(s.id())))
        .containsExactly(new ShareRecipient(s.id(), r.id(), 0, Optional.empty()));
    assertThatThrownBy(() -> write(tx -> tx.shares().insert(s)))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void countDownload_concurrently_neverPassesTheLimit() throws Exception {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Share s = share(seed, OptionalInt.of(3));
    User r = otherUser(seed);
    write(
        tx -> {
          tx.shares().insert(s);
          tx.shares().addRecipient(s.id(), r.id());
        });

    List<Boolean> counted =
        Concurrently.run(
            8, i -> writeAndGet(tx -> tx.shares().countDownload(s.id(), r.id(), s.maxDownloads())));

    assertThat(counted.stream().filter(b -> b)).hasSize(3);
    assertThat(read((Transaction tx) -> tx.shares().recipient(s.id(), r.id())))
        .hasValueSatisfying(x -> assertThat(x.downloads()).isEqualTo(3));
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.shares().countDownload(s.id(), r.id(), OptionalInt.empty())))
        .isTrue();
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.shares().countDownload(s.id(), UserId.random(), OptionalInt.empty())))
        .isFalse();
  }

  @Test
  void markFirstAccess_concurrently_recordsItExactlyOnce() throws Exception {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Share s = share(seed, OptionalInt.empty());
    User r = otherUser(seed);
    write(
        tx -> {
          tx.shares().insert(s);
          tx.shares().addRecipient(s.id(), r.id());
        });
    Instant at = Samples.now();

    List<Boolean> first =
        Concurrently.run(
            6, i -> writeAndGet(tx -> tx.shares().markFirstAccess(s.id(), r.id(), at)));

    assertThat(first.stream().filter(b -> b)).hasSize(1);
    assertThat(read((Transaction tx) -> tx.shares().recipient(s.id(), r.id())))
        .hasValueSatisfying(x -> assertThat(x.firstAccess()).contains(at));
  }

  @Test
  void revoke_once_setsWhoAndWhen_again_changesNothing() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Share s = share(seed, OptionalInt.empty());
    write(tx -> tx.shares().insert(s));
    Instant at = Samples.now();

    assertThat(this.<Boolean>writeAndGet(tx -> tx.shares().revoke(s.id(), seed.user().id(), at)))
        .isTrue();
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.shares().revoke(s.id(), seed.user().id(), at.plusSeconds(5))))
        .isFalse();
    Share revoked = read((Transaction tx) -> tx.shares().find(s.id())).orElseThrow();
    assertThat(revoked.revoked()).contains(at);
    assertThat(revoked.revokedBy()).contains(seed.user().id());
  }

  @Test
  void invitation_spend_worksOnceAndNeverAfterExpiry() throws Exception {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Instant now = Samples.now();
    Invitation live =
        new Invitation(
            Samples.hex(32), seed.user().id(), now, now.plusSeconds(60), Optional.empty());
    Invitation old =
        new Invitation(
            Samples.hex(32), seed.user().id(), now, now.minusSeconds(1), Optional.empty());
    write(
        tx -> {
          tx.invitations().insert(live);
          tx.invitations().insert(old);
        });

    List<Boolean> spent =
        Concurrently.run(
            5, i -> writeAndGet(tx -> tx.invitations().spend(live.tokenSha256(), now)));

    assertThat(spent.stream().filter(b -> b)).hasSize(1);
    assertThat(read((Transaction tx) -> tx.invitations().find(live.tokenSha256())))
        .hasValueSatisfying(i -> assertThat(i.used()).contains(now));
    assertThat(this.<Boolean>writeAndGet(tx -> tx.invitations().spend(old.tokenSha256(), now)))
        .isFalse();
    assertThat(read((Transaction tx) -> tx.invitations().find("no-such-hash"))).isEmpty();
  }

  @Test
  void outbox_due_sent_failed_followTheSchedule() {
    Instant now = Samples.now();
    String to = Samples.unique("to") + "@example.org";
    OutboxMail a = OutboxMail.of(to, "subject a", "body a", "share", now);
    OutboxMail b = OutboxMail.of(to, "subject b", "body b", "invitation", now.plusMillis(1));
    write(
        tx -> {
          tx.outbox().enqueue(a);
          tx.outbox().enqueue(b);
        });

    assertThat(read((Transaction tx) -> tx.outbox().due(now.plusSeconds(1), 1000)))
        .extracting(OutboxMail::id)
        .containsSubsequence(a.id(), b.id());
    write(tx -> tx.outbox().markSent(a.id(), now.plusSeconds(1)));
    write(tx -> tx.outbox().markFailed(b.id(), "connection refused", now.plusSeconds(60)));

    assertThat(read((Transaction tx) -> tx.outbox().due(now.plusSeconds(30), 1000)))
        .extracting(OutboxMail::id)
        .doesNotContain(a.id(), b.id());
    assertThat(read((Transaction tx) -> tx.outbox().due(now.plusSeconds(60), 1000)))
        .extracting(OutboxMail::id)
        .contains(b.id());
    OutboxMail failed = read((Transaction tx) -> tx.outbox().find(b.id())).orElseThrow();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("connection refused");
    assertThat(read((Transaction tx) -> tx.outbox().to(to)))
        .extracting(OutboxMail::body)
        .containsExactly("body a", "body b");
  }

  @Test
  void uploadRequests_insertRecipientsAndCloseOnce() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    User r = otherUser(seed);
    Instant now = Samples.now();
    UploadRequest req =
        new UploadRequest(
            UploadRequestId.random(),
            seed.workspace().id(),
            seed.user().id(),
            "stability data, please",
            now,
            now.plusSeconds(86_400),
            Optional.empty());
    write(
        tx -> {
          tx.uploadRequests().insert(req);
          tx.uploadRequests().addRecipient(req.id(), r.id());
          tx.uploadRequests().addRecipient(req.id(), r.id());
        });

    assertThat(read((Transaction tx) -> tx.uploadRequests().find(req.id()))).contains(req);
    assertThat(read((Transaction tx) -> tx.uploadRequests().recipients(req.id())))
        .containsExactly(r.id());
    assertThat(this.<Boolean>writeAndGet(tx -> tx.uploadRequests().close(req.id(), now))).isTrue();
    assertThat(this.<Boolean>writeAndGet(tx -> tx.uploadRequests().close(req.id(), now))).isFalse();
    assertThat(read((Transaction tx) -> tx.uploadRequests().find(req.id())))
        .hasValueSatisfying(x -> assertThat(x.closed()).contains(now));
    assertThat(read((Transaction tx) -> tx.uploadRequests().find(UploadRequestId.random())))
        .isEmpty();
  }
}
