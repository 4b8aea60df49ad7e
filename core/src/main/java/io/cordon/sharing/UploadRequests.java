package io.cordon.sharing;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: upload requests and their recipients. Lives as long as its transaction. */
public interface UploadRequests {
  void insert(UploadRequest request);

  /** Adds a recipient; adding the same user twice is a no-op. */
  void addRecipient(UploadRequestId request, UserId user);

  Optional<UploadRequest> find(UploadRequestId id);

  List<UserId> recipients(UploadRequestId id);

  /**
   * Closes an open request.
   *
   * @return whether this call closed it
   */
  boolean close(UploadRequestId id, Instant at);
}
