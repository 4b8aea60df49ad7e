package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.Files.FileListing;
import io.cordon.content.StoredFile;
import io.cordon.context.CordonException;
import io.cordon.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files and versions, including the concurrent cases an upload burst produces. */
abstract class FileChecks extends ContentChecks {
  private static final int THREADS = 8;

  @Test
  void findOrCreate_existingName_returnsExistingFile() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    StoredFile first = Samples.file(seed.workspace().id(), seed.user().id(), "report.pdf");
    StoredFile second = Samples.file(seed.workspace().id(), seed.user().id(), "report.pdf");

    StoredFile created = writeAndGet((Transaction tx) -> tx.files().findOrCreate(first));
    StoredFile found = writeAndGet((Transaction tx) -> tx.files().findOrCreate(second));

    assertThat(created).isEqualTo(first);
    assertThat(found).isEqualTo(first);
    assertThat(read((Transaction tx) -> tx.files().find(first.id()))).contains(first);
    assertThat(read((Transaction tx) -> tx.files().find(second.id()))).isEmpty();
  }

  @Test
  void findOrCreate_concurrentCallersOfOneName_getOneFile() throws Exception {
    Samples.Seed seed = writeAndGet(Samples::seed);

    List<StoredFile> results =
        Concurrently.run(
            THREADS,
            i ->
                writeAndGet(
                    tx ->
                        tx.files()
                            .findOrCreate(
                                Samples.file(seed.workspace().id(), seed.user().id(), "same"))));

    assertThat(results).hasSize(THREADS);
    assertThat(results.stream().map(StoredFile::id).distinct()).hasSize(1);
  }

  @Test
  void appendVersion_numbersOnePastNewest_ignoringGivenNumber() {
    StoredFile file = newFile();

    FileVersion v1 =
        writeAndGet(
            (Transaction tx) ->
                tx.files().appendVersion(Samples.version(file.id(), file.createdBy())));
    FileVersion v2 =
        writeAndGet(
            (Transaction tx) ->
                tx.files().appendVersion(Samples.version(file.id(), file.createdBy())));

    assertThat(v1.number()).isEqualTo(1);
    assertThat(v2.number()).isEqualTo(2);
    assertThat(read((Transaction tx) -> tx.files().version(file.id(), 1)))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(v1);
    assertThat(read((Transaction tx) -> tx.files().latestVersion(file.id())))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(v2);
    assertThat(read((Transaction tx) -> tx.files().versions(file.id())))
        .extracting(FileVersion::versionId)
        .containsExactly(v1.versionId(), v2.versionId());
  }

  @Test
  void appendVersion_concurrentWriters_numbersOneToNWithoutDuplicates() throws Exception {
    StoredFile file = newFile();
    int perThread = 5;

    Concurrently.run(
        THREADS,
        i -> {
          for (int n = 0; n < perThread; n++) {
            write(tx -> tx.files().appendVersion(Samples.version(file.id(), file.createdBy())));
          }
          return null;
        });

    List<Integer> numbers = new ArrayList<>();
    read((Transaction tx) -> tx.files().versions(file.id())).forEach(v -> numbers.add(v.number()));
    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= THREADS * perThread; n++) {
      expected.add(n);
    }
    assertThat(numbers).containsExactlyElementsOf(expected);
  }

  @Test
  void appendVersion_unknownFile_notFound() {
    Samples.Seed seed = writeAndGet(Samples::seed);

    assertThatThrownBy(
            () ->
                write(
                    tx ->
                        tx.files()
                            .appendVersion(Samples.version(FileId.random(), seed.user().id()))))
        .isInstanceOf(CordonException.NotFound.class);
  }

  @Test
  void listWithLatest_hidesFilesWithoutVersionsAndShowsNewest() {
    StoredFile withVersions = newFile();
    StoredFile empty =
        writeAndGet(
            tx ->
                tx.files()
                    .findOrCreate(
                        Samples.file(withVersions.workspace(), withVersions.createdBy(), "empty")));
    write(
        tx ->
            tx.files().appendVersion(Samples.version(withVersions.id(), withVersions.createdBy())));
    FileVersion newest =
        writeAndGet(
            tx ->
                tx.files()
                    .appendVersion(Samples.version(withVersions.id(), withVersions.createdBy())));

    List<FileListing> listing =
        read((Transaction tx) -> tx.files().listWithLatest(withVersions.workspace()));

    assertThat(listing).hasSize(1);
    assertThat(listing.get(0).file()).isEqualTo(withVersions);
    assertThat(listing.get(0).latest()).usingRecursiveComparison().isEqualTo(newest);
    assertThat(read((Transaction tx) -> tx.files().find(empty.id()))).isPresent();
  }

  @Test
  void updateWrappedDek_replacesOnlyThatVersionsKey() {
    StoredFile file = newFile();
    FileVersion v1 =
        writeAndGet(
            (Transaction tx) ->
                tx.files().appendVersion(Samples.version(file.id(), file.createdBy())));
    FileVersion v2 =
        writeAndGet(
            (Transaction tx) ->
                tx.files().appendVersion(Samples.version(file.id(), file.createdBy())));
    byte[] rewrapped = {77, 78, 79};

    write(tx -> tx.files().updateWrappedDek(file.id(), 1, rewrapped));

    List<FileVersion> all =
        read((Transaction tx) -> tx.files().versionsInWorkspace(file.workspace()));
    assertThat(all)
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(v1.withWrappedDek(rewrapped), v2);
    assertThatThrownBy(() -> write(tx -> tx.files().updateWrappedDek(file.id(), 9, rewrapped)))
        .isInstanceOf(CordonException.NotFound.class);
  }

  @Test
  void isBlobReferenced_onlyForKeysOfStoredVersions() {
    StoredFile file = newFile();
    FileVersion v =
        writeAndGet(
            (Transaction tx) ->
                tx.files().appendVersion(Samples.version(file.id(), file.createdBy())));

    assertThat(read((Transaction tx) -> tx.files().isBlobReferenced(v.blobKey()))).isTrue();
    assertThat(read((Transaction tx) -> tx.files().isBlobReferenced(Samples.hex(16)))).isFalse();
  }

  private StoredFile newFile() {
    return writeAndGet(
        tx -> {
          Samples.Seed seed = Samples.seed(tx);
          return tx.files()
              .findOrCreate(Samples.file(seed.workspace().id(), seed.user().id(), "doc.pdf"));
        });
  }
}
