package io.cordon.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: resumable uploads and their stored parts. Offsets only move forward, by compare-and-set, so
 * two clients appending at the same offset cannot both succeed.
 */
public interface ResumableUploads {
  void insert(ResumableUpload upload);

  Optional<ResumableUpload> find(UploadId id);

  /**
   * Records a new part and moves the offset from {@code expectedOffset} to {@code expectedOffset +
   * part.bytes()}.
   *
   * @return false (and nothing stored) if the offset is no longer {@code expectedOffset}
   */
  boolean append(UploadId id, long expectedOffset, ResumableUpload.Part part);

  /** The parts, in order. */
  List<ResumableUpload.Part> parts(UploadId id);

  /** Marks the upload complete and forgets its parts (their blobs are the caller's to delete). */
  void complete(UploadId id, ResumableUpload.Completed result);

  /** Removes the upload and its parts (their blobs are the caller's to delete). */
  void delete(UploadId id);

  /** Uploads whose expiry is before {@code now}, complete or not, at most {@code limit}. */
  List<ResumableUpload> expiredBefore(Instant now, int limit);

  /** Whether a part of some upload is stored in this blob (so the orphan sweeper keeps it). */
  boolean isBlobReferenced(String blobKey);
}
