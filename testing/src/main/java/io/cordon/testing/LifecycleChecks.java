package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.content.Deletion;
import io.cordon.content.FileVersion;
import io.cordon.content.Files.FileListing;
import io.cordon.content.LegalHold;
import io.cordon.content.LegalHoldId;
import io.cordon.content.RetentionPeriod;
import io.cordon.content.StoredFile;
import io.cordon.context.CordonException;
import io.cordon.identity.UserId;
import io.cordon.storage.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Record lifecycle: retention rules, soft deletion (hidden from listings, never appended to),
 * restoration, purge (data keys destroyed, tombstone kept) and legal holds.
 */
abstract class LifecycleChecks extends GroupCommitChecks {
  @Test
  void retention_setAndCleared_roundTrips() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    var ws = seed.workspace().id();

    assertThat(read((Transaction tx) -> tx.lifecycle().retention(ws))).isEmpty();
    write(tx -> tx.lifecycle().setRetention(ws, Optional.of(RetentionPeriod.parse("P15Y"))));
    assertThat(read((Transaction tx) -> tx.lifecycle().retention(ws)))
        .contains(RetentionPeriod.parse("P15Y"));
    write(tx -> tx.lifecycle().setRetention(ws, Optional.empty()));
    assertThat(read((Transaction tx) -> tx.lifecycle().retention(ws))).isEmpty();
  }

  @Test
  void markDeleted_hidesFromListingKeepsVersionsAndRefusesAppend() {
    Held f = fileWithVersions(2);
    Deletion d = deletion(f.file().createdBy(), "superseded");

    write(tx -> tx.lifecycle().markDeleted(f.file().id(), d));

    assertThat(read((Transaction tx) -> tx.lifecycle().deletion(f.file().id()))).contains(d);
    assertThat(read((Transaction tx) -> tx.files().listWithLatest(f.file().workspace())))
        .extracting(FileListing::file)
        .doesNotContain(f.file());
    assertThat(read((Transaction tx) -> tx.files().versions(f.file().id()))).hasSize(2);
    assertThatThrownBy(
            () ->
                write(
                    tx ->
                        tx.files()
                            .appendVersion(Samples.version(f.file().id(), f.file().createdBy()))))
        .isInstanceOf(CordonException.Conflict.class);
    assertThat(read((Transaction tx) -> tx.files().versions(f.file().id()))).hasSize(2);
    assertThat(read((Transaction tx) -> tx.lifecycle().deletedUnpurged())).contains(f.file().id());
  }

  @Test
  void markDeleted_twice_conflictAndFirstDeletionKept() {
    Held f = fileWithVersions(1);
    Deletion first = deletion(f.file().createdBy(), "first");
    write(tx -> tx.lifecycle().markDeleted(f.file().id(), first));

    assertThatThrownBy(
            () ->
                write(
                    tx ->
                        tx.lifecycle()
                            .markDeleted(f.file().id(), deletion(f.file().createdBy(), "again"))))
        .isInstanceOf(CordonException.Conflict.class);
    assertThat(read((Transaction tx) -> tx.lifecycle().deletion(f.file().id()))).contains(first);
  }

  @Test
  void markDeleted_concurrentDeleters_exactlyOneWins() throws Exception {
    Held f = fileWithVersions(1);

    List<Boolean> won =
        Concurrently.run(
            6,
            i -> {
              try {
                write(
                    tx ->
                        tx.lifecycle()
                            .markDeleted(f.file().id(), deletion(f.file().createdBy(), "r" + i)));
                return true;
              } catch (CordonException.Conflict e) {
                return false;
              }
            });

    assertThat(won).containsOnlyOnce(true);
  }

  @Test
  void clearDeletion_restoresListingAndAppends_butNotALiveFile() {
    Held f = fileWithVersions(1);
    write(tx -> tx.lifecycle().markDeleted(f.file().id(), deletion(f.file().createdBy(), "x")));

    write(tx -> tx.lifecycle().clearDeletion(f.file().id()));

    assertThat(read((Transaction tx) -> tx.lifecycle().deletion(f.file().id()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.files().listWithLatest(f.file().workspace())))
        .extracting(FileListing::file)
        .contains(f.file());
    FileVersion v2 =
        writeAndGet(
            (Transaction tx) ->
                tx.files().appendVersion(Samples.version(f.file().id(), f.file().createdBy())));
    assertThat(v2.number()).isEqualTo(2);
    assertThatThrownBy(() -> write(tx -> tx.lifecycle().clearDeletion(f.file().id())))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void markPurged_destroysKeysKeepsTombstoneAndFreesBlobs() {
    Held f = fileWithVersions(2);
    write(tx -> tx.lifecycle().markDeleted(f.file().id(), deletion(f.file().createdBy(), "x")));
    var at = Samples.now();

    List<FileVersion> removed =
        writeAndGet((Transaction tx) -> tx.lifecycle().markPurged(f.file().id(), at));

    assertThat(removed).extracting(FileVersion::blobKey).containsExactlyElementsOf(blobs(f));
    List<FileVersion> after = read((Transaction tx) -> tx.files().versions(f.file().id()));
    assertThat(after).hasSize(2);
    assertThat(after).allSatisfy(v -> assertThat(v.wrappedDek()).isEmpty());
    assertThat(after)
        .extracting(FileVersion::sha256)
        .containsExactlyElementsOf(f.versions().stream().map(FileVersion::sha256).toList());
    assertThat(read((Transaction tx) -> tx.lifecycle().deletion(f.file().id())))
        .hasValueSatisfying(d -> assertThat(d.purged()).contains(at));
    assertThat(read((Transaction tx) -> tx.lifecycle().deletedUnpurged()))
        .doesNotContain(f.file().id());
    for (String blob : blobs(f)) {
      assertThat(read((Transaction tx) -> tx.files().isBlobReferenced(blob))).isFalse();
    }
    assertThat(read((Transaction tx) -> tx.files().versionsInWorkspace(f.file().workspace())))
        .isEmpty();
    assertThatThrownBy(() -> write(tx -> tx.lifecycle().clearDeletion(f.file().id())))
        .isInstanceOf(CordonException.Conflict.class);
    assertThatThrownBy(() -> write(tx -> tx.lifecycle().markPurged(f.file().id(), at)))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void markPurged_liveFile_conflictAndNothingChanged() {
    Held f = fileWithVersions(1);

    assertThatThrownBy(() -> write(tx -> tx.lifecycle().markPurged(f.file().id(), Samples.now())))
        .isInstanceOf(CordonException.Conflict.class);
    assertThat(read((Transaction tx) -> tx.files().versions(f.file().id())).getFirst().wrappedDek())
        .isNotEmpty();
  }

  @Test
  void updateWrappedDek_purgedVersion_refusedByTheDatabase() {
    Held f = fileWithVersions(1);
    write(tx -> tx.lifecycle().markDeleted(f.file().id(), deletion(f.file().createdBy(), "x")));
    write(tx -> tx.lifecycle().markPurged(f.file().id(), Samples.now()));

    assertThatThrownBy(
            () -> write(tx -> tx.files().updateWrappedDek(f.file().id(), 1, new byte[] {1, 2})))
        .isNotNull();
    assertThat(read((Transaction tx) -> tx.files().versions(f.file().id())).getFirst().wrappedDek())
        .isEmpty();
  }

  @Test
  void legalHolds_placeListCoverRelease() {
    Held f = fileWithVersions(1);
    Held other = fileWithVersions(1);
    UserId by = f.file().createdBy();
    LegalHold onFile = hold(f.file(), Optional.of(f.file()), "matter-1");
    LegalHold onOtherWs = hold(other.file(), Optional.empty(), "matter-2");
    write(tx -> tx.legalHolds().insert(onFile));
    write(tx -> tx.legalHolds().insert(onOtherWs));

    assertThat(read((Transaction tx) -> tx.legalHolds().find(onFile.id()))).contains(onFile);
    assertThat(read((Transaction tx) -> tx.legalHolds().activeCovering(f.file().id(), ws(f))))
        .containsExactly(onFile);
    assertThat(read((Transaction tx) -> tx.legalHolds().activeInWorkspace(ws(other))))
        .containsExactly(onOtherWs);
    assertThat(
            read((Transaction tx) -> tx.legalHolds().activeCovering(other.file().id(), ws(other))))
        .containsExactly(onOtherWs);
    assertThat(read((Transaction tx) -> tx.legalHolds().list(Optional.of(ws(f)), false)))
        .containsExactly(onFile);

    var at = Samples.now();
    LegalHold released = writeAndGet(tx -> tx.legalHolds().release(onFile.id(), by, at));

    assertThat(released.released()).contains(at);
    assertThat(released.releasedBy()).contains(by);
    assertThat(read((Transaction tx) -> tx.legalHolds().activeCovering(f.file().id(), ws(f))))
        .isEmpty();
    assertThat(read((Transaction tx) -> tx.legalHolds().list(Optional.of(ws(f)), false))).isEmpty();
    assertThat(read((Transaction tx) -> tx.legalHolds().list(Optional.of(ws(f)), true)))
        .containsExactly(released);
    assertThatThrownBy(() -> write(tx -> tx.legalHolds().release(onFile.id(), by, at)))
        .isInstanceOf(CordonException.Conflict.class);
    assertThatThrownBy(() -> write(tx -> tx.legalHolds().release(LegalHoldId.random(), by, at)))
        .isInstanceOf(CordonException.NotFound.class);
  }

  private static Deletion deletion(UserId by, String reason) {
    return new Deletion(Samples.now(), by, Optional.of(reason), Optional.empty());
  }

  private static LegalHold hold(StoredFile f, Optional<StoredFile> file, String matter) {
    return new LegalHold(
        LegalHoldId.random(),
        f.workspace(),
        file.map(StoredFile::id),
        matter,
        "litigation",
        f.createdBy(),
        Samples.now().minus(Duration.ofMinutes(1)),
        Optional.empty(),
        Optional.empty());
  }

  private static io.cordon.content.WorkspaceId ws(Held f) {
    return f.file().workspace();
  }

  private static List<String> blobs(Held f) {
    return f.versions().stream().map(FileVersion::blobKey).toList();
  }

  private Held fileWithVersions(int n) {
    return writeAndGet(
        tx -> {
          Samples.Seed seed = Samples.seed(tx);
          StoredFile file =
              tx.files()
                  .findOrCreate(Samples.file(seed.workspace().id(), seed.user().id(), "rec.pdf"));
          List<FileVersion> versions = new java.util.ArrayList<>();
          for (int i = 0; i < n; i++) {
            versions.add(tx.files().appendVersion(Samples.version(file.id(), seed.user().id())));
          }
          return new Held(file, versions);
        });
  }

  /** A file and its versions as stored. */
  private record Held(StoredFile file, List<FileVersion> versions) {}
}
