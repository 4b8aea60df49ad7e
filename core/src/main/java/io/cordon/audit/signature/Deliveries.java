package io.cordon.audit.signature;

import io.cordon.content.FileId;
import io.cordon.identity.UserId;

/**
 * Port: what the audit trail says was delivered to whom, for recipient receipts. A receipt may only
 * acknowledge bytes the recipient was actually given.
 */
public interface Deliveries {
  /**
   * Whether the trail records a successful {@code file.download} of exactly version {@code version}
   * of {@code file} by {@code user}: the original bytes, not a rendition such as a stamped PDF.
   */
  boolean downloaded(UserId user, FileId file, int version);
}
