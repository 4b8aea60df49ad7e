package io.cordon.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Port: where ciphertext lives. A blob is written under a temporary name and becomes addressable
 * only once {@link BlobUpload#publish() published}; the caller publishes just before committing the
 * metadata that refers to it, and deletes it if that commit fails. A blob that was published but
 * never referenced (a crash between the two) is an orphan, removed by the sweeper.
 *
 * <p>Only ciphertext is ever given to a blob store. Thread-safe.
 */
public interface BlobStore {
  /** Starts a new blob under a temporary name. */
  BlobUpload begin();

  /**
   * Opens a published blob.
   *
   * @throws io.cordon.context.CordonException.NotFound if there is no such blob
   */
  InputStream open(String key);

  boolean exists(String key);

  long size(String key);

  /** Deletes a published blob; no error if it is already gone. */
  void delete(String key);

  /** Calls back with every published blob whose last change is before the given time. */
  void forEachPublishedBefore(Instant before, Consumer<String> key);

  /** Deletes temporaries last changed before the given time; returns how many. */
  int sweepTemporaries(Instant before);
}
