package io.cordon.policy;

import io.cordon.content.Classification;
import io.cordon.content.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * The resource attributes a decision looks at.
 *
 * @param type {@code workspace}, {@code file}, {@code shared-file}, {@code organisation}, {@code
 *     user}, {@code audit}, {@code system}, …
 * @param workspace the workspace the resource belongs to, if any
 * @param dataTypes the data types found in it ({@code PHI}, {@code PII}, {@code GXP}, …)
 * @param legalHold whether a legal hold covers it
 * @param region the residency region its content must stay in, if one is set
 */
public record Resource(
    String type,
    String id,
    Optional<WorkspaceId> workspace,
    Classification classification,
    List<String> dataTypes,
    boolean legalHold,
    Optional<String> region) {
  public Resource {
    if (type == null || id == null || workspace == null || classification == null) {
      throw new IllegalArgumentException("incomplete resource");
    }
    dataTypes = dataTypes == null ? List.of() : List.copyOf(dataTypes);
    region = region == null ? Optional.empty() : region;
  }

  /** A resource with no legal hold and no residency region. */
  public Resource(
      String type,
      String id,
      Optional<WorkspaceId> workspace,
      Classification classification,
      List<String> dataTypes) {
    this(type, id, workspace, classification, dataTypes, false, Optional.empty());
  }

  /**
   * The type of the audit trail's public commitments: signed checkpoints, their key, inclusion and
   * consistency proofs (hashes and counts only).
   */
  public static final String AUDIT_PROOFS = "audit-proof";

  /** The type of this installation's witness: the logs it witnesses and its cosignatures. */
  public static final String WITNESS = "witness";

  /**
   * A file as reached through a share by one of its recipients: id = the file id, with the file's
   * workspace, classification and data types. The sharing service builds it only for a recipient of
   * a live share (not expired, not exhausted, not revoked).
   */
  public static final String SHARED_FILE = "shared-file";

  /**
   * An existing share, for revoking or listing it (action {@code share-external}): id = the share
   * id, with its file's workspace and classification.
   */
  public static final String SHARE = "share";

  /**
   * A workspace as reached through an upload request by one of its recipients: id = the request id,
   * with the workspace's id and classification. Built only for a recipient of an open request
   * before its due time.
   */
  public static final String UPLOAD_REQUEST = "upload-request";

  /** The policy itself: explaining decisions reads it. */
  public static final String POLICY = "policy";

  /** An installation-wide resource (organisations, users, the audit trail). */
  public static Resource system(String type) {
    return new Resource(type, type, Optional.empty(), Classification.INTERNAL, List.of());
  }

  /** The same resource with its legal hold and residency region. */
  public Resource withHoldAndRegion(boolean held, Optional<String> inRegion) {
    return new Resource(type, id, workspace, classification, dataTypes, held, inRegion);
  }
}
