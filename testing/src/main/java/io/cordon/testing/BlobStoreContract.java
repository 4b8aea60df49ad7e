package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.storage.BlobStore;
import io.cordon.storage.BlobUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link BlobStore} adapter must show: nothing is visible before publish, an
 * aborted or abandoned upload leaves nothing, keys cannot name anything outside the store, and
 * large blobs stream both ways. Each test gets a fresh store over a fresh temporary directory.
 */
public abstract class BlobStoreContract {
  private static final Instant FAR_FUTURE = Instant.now().plus(Duration.ofDays(1));

  @TempDir private Path dir;
  private BlobStore store;

  /** Opens a store that keeps its state under the given (empty) directory, if it uses one. */
  protected abstract BlobStore newStore(Path dir);

  protected final BlobStore store() {
    return store;
  }

  @BeforeEach
  final void openStore() {
    store = newStore(dir);
  }

  @Test
  void publish_written_bytesReadableUnderReturnedKey() throws IOException {
    byte[] data = "ciphertext, honestly".getBytes(StandardCharsets.UTF_8);

    String key = put(data);

    assertThat(key).matches("[0-9a-f]{32,}");
    assertThat(store.exists(key)).isTrue();
    assertThat(store.size(key)).isEqualTo(data.length);
    try (InputStream in = store.open(key)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void publish_twice_givesDistinctKeys() {
    assertThat(put(new byte[] {1})).isNotEqualTo(put(new byte[] {1}));
  }

  @Test
  void begin_beforePublish_nothingVisible() throws IOException {
    try (BlobUpload upload = store.begin()) {
      upload.stream().write(new byte[1000]);
      upload.stream().flush();

      assertThat(published()).isEmpty();
    }
  }

  @Test
  void abort_afterWriting_leavesNothing() throws IOException {
    BlobUpload upload = store.begin();
    upload.stream().write(new byte[1000]);

    upload.abort();
    upload.abort();

    assertThat(published()).isEmpty();
    assertThat(store.sweepTemporaries(FAR_FUTURE)).isZero();
  }

  @Test
  void close_withoutPublish_aborts() throws IOException {
    try (BlobUpload upload = store.begin()) {
      upload.stream().write(new byte[1000]);
    }

    assertThat(published()).isEmpty();
    assertThat(store.sweepTemporaries(FAR_FUTURE)).isZero();
  }

  @Test
  void close_afterPublish_keepsBlob() {
    String key;
    try (BlobUpload upload = store.begin()) {
      key = upload.publish();
    }

    assertThat(store.exists(key)).isTrue();
    assertThat(store.size(key)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "../../etc/passwd",
        "/etc/passwd",
        "ab/0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef/..",
        "0123456789ABCDEF0123456789ABCDEF",
        "tmp",
        "",
        "0123"
      })
  void keyArguments_notOurShape_rejectedAsInvalidInput(String key) {
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> store.size(key)).isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> store.exists(key)).isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> store.delete(key)).isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void open_missingKey_notFound() {
    String missing = Samples.hex(16);

    assertThatThrownBy(() -> store.open(missing)).isInstanceOf(CordonException.NotFound.class);
    assertThatThrownBy(() -> store.size(missing)).isInstanceOf(CordonException.NotFound.class);
    assertThat(store.exists(missing)).isFalse();
  }

  @Test
  void delete_published_goneAndRepeatable() {
    String key = put(new byte[] {1, 2, 3});

    store.delete(key);
    store.delete(key);

    assertThat(store.exists(key)).isFalse();
    assertThat(published()).isEmpty();
  }

  @Test
  void forEachPublishedBefore_listsOnlyBlobsOlderThanTheCutoff() {
    String key = put(new byte[] {1});

    assertThat(published()).containsExactly(key);
    List<String> older = new ArrayList<>();
    store.forEachPublishedBefore(Instant.now().minus(Duration.ofHours(1)), older::add);
    assertThat(older).isEmpty();
  }

  @Test
  void sweepTemporaries_removesAbandonedUploadsOlderThanTheCutoff() throws IOException {
    BlobUpload abandoned = store.begin();
    abandoned.stream().write(new byte[10]);
    abandoned.stream().flush();

    assertThat(store.sweepTemporaries(Instant.now().minus(Duration.ofHours(1)))).isZero();
    assertThat(store.sweepTemporaries(FAR_FUTURE)).isEqualTo(1);
    assertThat(store.sweepTemporaries(FAR_FUTURE)).isZero();
    assertThat(published()).isEmpty();
  }

  @Test
  void largeBlob_streamsRoundTrip() throws Exception {
    // Past two 32 MiB write-back intervals of the local adapter, so a background flush runs while
    // writing goes on.
    int size = 70 * 1024 * 1024;
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] chunk = new byte[64 * 1024 + 7]; // Odd size: exercise partial buffers.
    String key;
    try (BlobUpload upload = store.begin()) {
      OutputStream out = upload.stream();
      for (int left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        int n = Math.min(left, chunk.length);
        out.write(chunk, 0, n);
        written.update(chunk, 0, n);
      }
      key = upload.publish();
    }

    MessageDigest read = MessageDigest.getInstance("SHA-256");
    try (InputStream in = store.open(key)) {
      byte[] buffer = new byte[50_000];
      for (int n; (n = in.read(buffer)) > 0; ) {
        read.update(buffer, 0, n);
      }
    }
    assertThat(store.size(key)).isEqualTo(size);
    assertThat(read.digest()).isEqualTo(written.digest());
  }

  /** Keys of all published blobs. */
  protected final List<String> published() {
    List<String> keys = new ArrayList<>();
    store.forEachPublishedBefore(FAR_FUTURE, keys::add);
    return keys;
  }

  private String put(byte[] data) {
    try (BlobUpload upload = store.begin()) {
      upload.stream().write(data);
      return upload.publish();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
