package io.cordon.content;

import io.cordon.context.StillAllowed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a download is asked for and kept honest: the policy question (audit action, action,
 * resource), work that runs once permitted inside the same transaction as the audit event (a share
 * counts the download there) and adds to the event's details, and a check that the grant still
 * holds ({@link StillAllowed}), asked again with the credential check at every chunk, so a revoked
 * grant stops a download in flight.
 *
 * @param rendition when the plaintext is turned into something else (a stamped PDF, a watermarked
 *     view), named in the audit event so it is never taken for a delivery of the original bytes
 */
public record Delivery(
    String auditAction,
    Action action,
    Function<Transaction, Resource> resource,
    Function<Transaction, Map<String, Object>> onPermit,
    StillAllowed stillLive,
    Optional<String> rendition) {
  public Delivery {
    if (auditAction == null || action == null || resource == null) {
      throw new IllegalArgumentException("incomplete delivery");
    }
    onPermit = onPermit == null ? tx -> Map.of() : onPermit;
    stillLive = stillLive == null ? StillAllowed.ALWAYS : stillLive;
    rendition = rendition == null ? Optional.empty() : rendition;
  }

  /** A member's download: the file as a {@code file} resource, nothing extra. */
  public static Delivery ofFile(FileId id, Optional<String> rendition) {
    return new Delivery(
        "file.download",
        Action.DOWNLOAD,
        tx -> ContentService.fileResource(tx, id),
        null,
        null,
        rendition);
  }
}
