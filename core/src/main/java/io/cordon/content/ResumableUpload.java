package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One resumable upload in progress (tus.io resumable upload protocol 1.0): the file it will become,
 * how long it is, how many bytes have arrived, and the data key that encrypts the parts received so
 * far. Becomes a file version when the last byte arrives; until then nothing of it is visible as a
 * file. Immutable.
 *
 * @param length the announced total size in bytes ({@code Upload-Length})
 * @param offset how many bytes have been received and stored
 * @param expectedSha256 the SHA-256 (hex) the client announced for the whole file, checked before
 *     the version is committed
 * @param wrappedKey the parts' data key, wrapped by the workspace KEK
 * @param result the file version it became, once complete
 */
public record ResumableUpload(
    UploadId id,
    WorkspaceId workspace,
    String name,
    UserId owner,
    long length,
    long offset,
    Optional<String> expectedSha256,
    byte[] wrappedKey,
    Instant createdAt,
    Instant expiresAt,
    Optional<Completed> result) {
  public ResumableUpload {
    if (id == null || workspace == null || name == null || owner == null || wrappedKey == null) {
      throw new IllegalArgumentException("incomplete upload");
    }
    if (length < 0 || offset < 0 || offset > length) {
      throw new IllegalArgumentException("an upload's offset lies within 0..length");
    }
    expectedSha256 = expectedSha256 == null ? Optional.empty() : expectedSha256;
    result = result == null ? Optional.empty() : result;
    wrappedKey = wrappedKey.clone();
  }

  @Override
  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  public boolean isComplete() {
    return result.isPresent();
  }

  public boolean isExpired(Instant now) {
    return result.isEmpty() && !now.isBefore(expiresAt);
  }

  /** The same upload with more bytes received. */
  public ResumableUpload at(long newOffset) {
    return new ResumableUpload(
        id,
        workspace,
        name,
        owner,
        length,
        newOffset,
        expectedSha256,
        wrappedKey,
        createdAt,
        expiresAt,
        result);
  }

  /** The file version a completed upload became. */
  public record Completed(FileId file, int version, String sha256) {}

  /** One stored piece of an upload: the ciphertext of {@code bytes} plaintext bytes. */
  public record Part(int number, String blobKey, long bytes) {}
}
