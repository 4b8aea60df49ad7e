package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.FileId;
import io.cordon.content.ResumableUpload;
import io.cordon.content.UploadId;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads: the offset moves only from where it stands (compare-and-set, also under
 * concurrent appenders), parts come back in order, completion and deletion forget the parts, and
 * expiry and blob references are found.
 */
abstract class UploadChecks extends MfaChecks {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.000Z");

  private ResumableUpload started(long length, Instant expires) {
    Samples.Seed seed = writeAndGet(Samples::seed);
    ResumableUpload u =
        new ResumableUpload(
            UploadId.random(),
            seed.workspace().id(),
            "batch.pdf",
            seed.user().id(),
            length,
            0,
            Optional.of("ab".repeat(32)),
            new byte[] {1, 2, 3},
            T0,
            expires,
            Optional.empty());
    write(tx -> tx.uploads().insert(u));
    return u;
  }

  @Test
  void uploads_appendFromTheStoredOffset_movesIt_fromAnyOther_changesNothing() {
    ResumableUpload u = started(100, T0.plusSeconds(3600));
    ResumableUpload.Part one = new ResumableUpload.Part(1, Samples.unique("blob"), 40);
    ResumableUpload.Part two = new ResumableUpload.Part(2, Samples.unique("blob"), 60);

    assertThat(this.<Boolean>writeAndGet(tx -> tx.uploads().append(u.id(), 0, one))).isTrue();
    assertThat(this.<Boolean>writeAndGet(tx -> tx.uploads().append(u.id(), 0, two))).isFalse();
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.uploads().append(u.id(), 40, new ResumableUpload.Part(2, "x", 61))))
        .as("past the length")
        .isFalse();
    assertThat(this.<Boolean>writeAndGet(tx -> tx.uploads().append(u.id(), 40, two))).isTrue();

    ResumableUpload stored = read((Transaction tx) -> tx.uploads().find(u.id())).orElseThrow();
    assertThat(stored.offset()).isEqualTo(100);
    assertThat(stored.expectedSha256()).isEqualTo(u.expectedSha256());
    assertThat(stored.wrappedKey()).containsExactly(1, 2, 3);
    assertThat(read((Transaction tx) -> tx.uploads().parts(u.id()))).containsExactly(one, two);
    assertThat(read((Transaction tx) -> tx.uploads().isBlobReferenced(two.blobKey()))).isTrue();
  }

  @Test
  void uploads_concurrentAppendersAtOneOffset_exactlyOneWins() throws Exception {
    ResumableUpload u = started(10, T0.plusSeconds(3600));

    List<Boolean> results =
        Concurrently.run(
            8,
            i ->
                this.<Boolean>writeAndGet(
                    tx ->
                        tx.uploads().append(u.id(), 0, new ResumableUpload.Part(1, "b" + i, 10))));

    assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
    assertThat(read((Transaction tx) -> tx.uploads().parts(u.id()))).hasSize(1);
  }

  @Test
  void uploads_completeThenDelete_forgetPartsAndRow() {
    ResumableUpload u = started(5, T0.plusSeconds(3600));
    ResumableUpload.Part part = new ResumableUpload.Part(1, Samples.unique("blob"), 5);
    write(tx -> tx.uploads().append(u.id(), 0, part));
    ResumableUpload.Completed done =
        new ResumableUpload.Completed(FileId.random(), 3, "cd".repeat(32));

    write(tx -> tx.uploads().complete(u.id(), done));

    ResumableUpload stored = read((Transaction tx) -> tx.uploads().find(u.id())).orElseThrow();
    assertThat(stored.result()).contains(done);
    assertThat(stored.offset()).isEqualTo(5);
    assertThat(read((Transaction tx) -> tx.uploads().parts(u.id()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.uploads().isBlobReferenced(part.blobKey()))).isFalse();
    write(tx -> tx.uploads().delete(u.id()));
    assertThat(read((Transaction tx) -> tx.uploads().find(u.id()))).isEmpty();
  }

  @Test
  void uploads_expiredBefore_findsOnlyThosePastTheirExpiry() {
    Instant far = Instant.parse("2090-01-01T00:00:00Z");
    ResumableUpload old = started(1, far.minusSeconds(10));
    ResumableUpload fresh = started(1, far.plusSeconds(10));

    List<ResumableUpload> expired = read((Transaction tx) -> tx.uploads().expiredBefore(far, 1000));

    assertThat(expired)
        .extracting(ResumableUpload::id)
        .contains(old.id())
        .doesNotContain(fresh.id());
  }
}
