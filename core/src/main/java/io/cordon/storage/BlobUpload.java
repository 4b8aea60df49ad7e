package io.cordon.storage;

import java.io.OutputStream;

/**
 * A blob being written. Either {@link #publish()} or {@link #abort()} ends it; {@link #close()}
 * aborts it unless it was published. Not thread-safe.
 */
public interface BlobUpload extends AutoCloseable {
  /** The stream to write ciphertext to; closing it does not publish. */
  OutputStream stream();

  /**
   * Makes the written bytes durable (fsync) and atomically visible under a new key.
   *
   * @return the key to store in metadata
   */
  String publish();

  /** Discards the temporary; idempotent. */
  void abort();

  @Override
  void close();
}
