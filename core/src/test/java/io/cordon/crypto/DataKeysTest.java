package io.cordon.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.StreamingAead;
import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataKeysTest {
  private static final int SEGMENT = 1 << 20; // AES256_GCM_HKDF_1MB ciphertext segment size
  private static final int SIZE = 5 * SEGMENT + 12_345;

  private final KeyHierarchy keys = new KeyHierarchy(new InMemoryKeyVault(), Clock.systemUTC());
  private final Aead kek = keys.aead(keys.newKeyset("workspace-kek"));
  private final FileId fileA = FileId.random();
  private final FileId fileB = FileId.random();

  @Test
  void streaming_severalSegments_roundTripsThroughStoredKey() throws Exception {
    DataKey dek = DataKeys.newDataKey(kek, fileA, "v_1");
    byte[] plaintext = StreamingFixtures.content(SIZE);

    byte[] ciphertext = StreamingFixtures.encrypt(dek.streamingAead(), fileA, "v_1", plaintext);
    StreamingAead reopened = DataKeys.openDataKey(kek, fileA, "v_1", dek.wrapped());

    assertThat(ciphertext.length).isGreaterThan(SIZE);
    assertThat(StreamingFixtures.decrypt(reopened, fileA, "v_1", ciphertext)).isEqualTo(plaintext);
  }

  @Test
  void seekable_rangeAcrossSegments_readsPlaintextAndRejectsTamperedSegment(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    DataKey dek = DataKeys.newDataKey(kek, fileA, "v_1");
    byte[] plaintext = StreamingFixtures.content(SIZE);
    byte[] ciphertext = StreamingFixtures.encrypt(dek.streamingAead(), fileA, "v_1", plaintext);
    java.nio.file.Path blob = dir.resolve("blob");
    java.nio.file.Files.write(blob, ciphertext);
    byte[] ad = DataKeys.contentAssociatedData(fileA, "v_1");
    java.nio.ByteBuffer range = java.nio.ByteBuffer.allocate(100_000);
    try (var file = java.nio.channels.FileChannel.open(blob);
        var plain = dek.streamingAead().newSeekableDecryptingChannel(file, ad)) {
      plain.position(SEGMENT - 50_000);
      while (range.hasRemaining() && plain.read(range) > 0) {}
    }
    assertThat(range.array())
        .isEqualTo(Arrays.copyOfRange(plaintext, SEGMENT - 50_000, SEGMENT + 50_000));

    ciphertext[2 * SEGMENT + 100] ^= 1;
    java.nio.file.Files.write(blob, ciphertext);
    try (var file = java.nio.channels.FileChannel.open(blob);
        var plain = dek.streamingAead().newSeekableDecryptingChannel(file, ad)) {
      plain.position(2 * SEGMENT);
      assertThatThrownBy(() -> plain.read(java.nio.ByteBuffer.allocate(1000)))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void decrypt_fileAContentWithFileBKeyAndAssociatedData_fails() throws Exception {
    DataKey dekA = DataKeys.newDataKey(kek, fileA, "v_1");
    DataKey dekB = DataKeys.newDataKey(kek, fileB, "v_1");
    byte[] ciphertextA = StreamingFixtures.encrypt(dekA.streamingAead(), fileA, "v_1", 4096);

    assertIntegrityViolation(
        () -> StreamingFixtures.decrypt(dekB.streamingAead(), fileB, "v_1", ciphertextA));
    assertIntegrityViolation(
        () -> StreamingFixtures.decrypt(dekA.streamingAead(), fileB, "v_1", ciphertextA));
    assertIntegrityViolation(
        () -> StreamingFixtures.decrypt(dekA.streamingAead(), fileA, "v_2", ciphertextA));
  }

  @Test
  void openDataKey_wrappedKeyMovedToAnotherFileOrVersion_fails() {
    byte[] wrapped = DataKeys.newDataKey(kek, fileA, "v_1").wrapped();

    assertIntegrityViolation(() -> DataKeys.openDataKey(kek, fileB, "v_1", wrapped));
    assertIntegrityViolation(() -> DataKeys.openDataKey(kek, fileA, "v_2", wrapped));
  }

  @Test
  void openDataKey_anotherKek_fails() {
    byte[] wrapped = DataKeys.newDataKey(kek, fileA, "v_1").wrapped();
    Aead otherKek = keys.aead(keys.newKeyset("workspace-kek"));

    assertIntegrityViolation(() -> DataKeys.openDataKey(otherKek, fileA, "v_1", wrapped));
  }

  @Test
  void decrypt_flippedByteInMiddleSegment_fails() throws Exception {
    DataKey dek = DataKeys.newDataKey(kek, fileA, "v_1");
    byte[] ciphertext = StreamingFixtures.encrypt(dek.streamingAead(), fileA, "v_1", SIZE);
    ciphertext[2 * SEGMENT + SEGMENT / 2] ^= 0x01;

    assertIntegrityViolation(
        () -> StreamingFixtures.decrypt(dek.streamingAead(), fileA, "v_1", ciphertext));
  }

  @Test
  void decrypt_truncatedCiphertext_failsRatherThanReadingShort() throws Exception {
    DataKey dek = DataKeys.newDataKey(kek, fileA, "v_1");
    byte[] ciphertext = StreamingFixtures.encrypt(dek.streamingAead(), fileA, "v_1", SIZE);

    for (int length : new int[] {0, 10, 2 * SEGMENT, 3 * SEGMENT + 7, ciphertext.length - 1}) {
      byte[] truncated = Arrays.copyOf(ciphertext, length);
      assertIntegrityViolation(
          () -> StreamingFixtures.decrypt(dek.streamingAead(), fileA, "v_1", truncated));
    }
  }

  @Test
  void decrypt_sourceIoFailure_surfacesAsIoExceptionNotTampering() throws Exception {
    DataKey dek = DataKeys.newDataKey(kek, fileA, "v_1");
    byte[] ciphertext = StreamingFixtures.encrypt(dek.streamingAead(), fileA, "v_1", SIZE);
    InputStream failing = new FailingAfter(ciphertext, SEGMENT + 100);

    assertThatThrownBy(() -> StreamingFixtures.decrypt(dek.streamingAead(), fileA, "v_1", failing))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }

  @Test
  void contentAssociatedData_differsPerFileAndVersion() {
    assertThat(DataKeys.contentAssociatedData(fileA, "v_1"))
        .isEqualTo(DataKeys.contentAssociatedData(fileA, "v_1"))
        .isNotEqualTo(DataKeys.contentAssociatedData(fileA, "v_2"))
        .isNotEqualTo(DataKeys.contentAssociatedData(fileB, "v_1"));
  }

  private static void assertIntegrityViolation(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(CordonException.IntegrityViolation.class)
        .hasMessage(DecryptionFailure.MESSAGE)
        .hasNoCause();
  }

  /** Serves some bytes, then fails like a broken disk. */
  private static final class FailingAfter extends InputStream {
    private final ByteArrayInputStream data;
    private int remaining;

    FailingAfter(byte[] data, int limit) {
      this.data = new ByteArrayInputStream(data);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        throw new IOException("disk gone");
      }
      int n = data.read(b, off, Math.min(len, remaining));
      remaining -= Math.max(n, 0);
      return n;
    }
  }
}
