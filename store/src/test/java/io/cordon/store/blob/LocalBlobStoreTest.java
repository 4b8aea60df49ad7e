package io.cordon.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.storage.BlobStore;
import io.cordon.storage.BlobUpload;
import io.cordon.testing.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LocalBlobStoreTest extends BlobStoreContract {
  private Path dir;

  @Override
  protected BlobStore newStore(Path dir) {
    this.dir = dir;
    return new LocalBlobStore(dir);
  }

  @Test
  void publish_placesBlobInShardWithOwnerOnlyPermissions() throws IOException {
    String key;
    try (BlobUpload upload = store().begin()) {
      upload.stream().write(new byte[] {1});
      key = upload.publish();
    }

    Path blob = dir.resolve(key.substring(0, 2)).resolve(key);
    assertThat(blob).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blob)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blob.getParent())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tmp"))))
        .isEqualTo("rwx------");
  }

  @Test
  void begin_writesTemporaryUnderTmp() throws IOException {
    try (BlobUpload upload = store().begin()) {
      upload.stream().write(new byte[] {1});
      upload.stream().flush();

      assertThat(list(dir.resolve("tmp"))).hasSize(1);
    }
    assertThat(list(dir.resolve("tmp"))).isEmpty();
  }

  @Test
  void publish_temporaryVanished_unavailableAndNothingPublished() throws IOException {
    BlobUpload upload = store().begin();
    upload.stream().write(new byte[] {1});
    for (Path temp : list(dir.resolve("tmp"))) {
      Files.delete(temp);
    }

    assertThatThrownBy(upload::publish)
        .isInstanceOf(CordonException.Unavailable.class)
        .hasMessageContaining("blob store");
    assertThat(published()).isEmpty();
  }

  @Test
  void isOutOfSpace_noSpaceErrorOrAlmostNoUsableSpace_true() {
    long plenty = 1L << 40;
    assertThat(LocalBlobStore.isOutOfSpace(new IOException("No space left on device"), plenty))
        .isTrue();
    assertThat(LocalBlobStore.isOutOfSpace(new IOException("Disk quota exceeded"), plenty))
        .isTrue();
    // The C library's text follows the locale; almost no usable space decides then.
    assertThat(LocalBlobStore.isOutOfSpace(new IOException("Kein Speicherplatz"), 4096)).isTrue();
    assertThat(LocalBlobStore.isOutOfSpace(new IOException("Input/output error"), plenty))
        .isFalse();
    assertThat(LocalBlobStore.isOutOfSpace(new IOException((String) null), plenty)).isFalse();
  }

  @Test
  void forEachPublishedBefore_ignoresForeignFiles() throws IOException {
    Files.createDirectories(dir.resolve("ab"));
    Files.writeString(dir.resolve("ab").resolve("notes.txt"), "not a blob");
    Files.writeString(dir.resolve("README"), "not a blob");

    assertThat(published()).isEmpty();
  }

  private static java.util.List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    }
  }
}
