package io.cordon.policy;

import io.cordon.content.Classification;
import io.cordon.content.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resource attributes a decision looks at.
 *
 * @param type {@code workspace}, {@code file}, {@code shared-file}, {@code organisation}, {@code
 *     user}, {@code audit}, {@code system}, …
 * @param workspace the workspace the resource belongs to, if any
 * @param dataTypes the data types found in it ({@code PHI}, {@code PII}, {@code GXP}, …)
 * @param legalHold whether a legal hold covers it
 * @param region the residency region its content must stay in, if one is set
 * @param inspection the inspection state of a file's content ({@code pending}, {@code clean},
 *     {@code flagged}, {@code unscannable}, {@code rejected}, {@code infected}), if it has one
 * @param recipientAgreements for sharing a file: the agreements (e.g. {@code BAA}) in force for
 *     every recipient outside the home organisation; empty when no such recipient is named
 */
public record Resource(
    String type,
    String id,
    Optional<WorkspaceId> workspace,
    Classification classification,
    List<String> dataTypes,
    boolean legalHold,
    Optional<String> region,
    Optional<String> inspection,
    Optional<Set<String>> recipientAgreements) {
  public Resource {
    if (type == null || id == null || workspace == null || classification == null) {
      throw new IllegalArgumentException("incomplete resource");
    }
    dataTypes = dataTypes == null ? List.of() : List.copyOf(dataTypes);
    region = region == null ? Optional.empty() : region;
    inspection = inspection == null ? Optional.empty() : inspection;
    recipientAgreements =
        recipientAgreements == null ? Optional.empty() : recipientAgreements.map(Set::copyOf);
  }

  /** A resource with no inspection state and no recipients. */
  public Resource(
      String type,
      String id,
      Optional<WorkspaceId> workspace,
      Classification classification,
      List<String> dataTypes,
      boolean legalHold,
      Optional<String> region) {
    this(
        type,
        id,
        workspace,
        classification,
        dataTypes,
        legalHold,
        region,
        Optional.empty(),
        Optional.empty());
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

  /**
   * A file's content rendered for a member (the watermarked view): id = the file id, with every
   * attribute of the file. Apart from {@code file} so that rules can close a rendering (content)
   * without closing the metadata read ({@code view} on {@code file}).
   */
  public static final String FILE_VIEW = "file-view";

  /** The rendering of a file: its attributes under type {@link #FILE_VIEW}. */
  public static Resource fileView(Resource file) {
    return new Resource(
        FILE_VIEW,
        file.id,
        file.workspace,
        file.classification,
        file.dataTypes,
        file.legalHold,
        file.region,
        file.inspection,
        file.recipientAgreements);
  }

  /** The policy itself: explaining decisions reads it. */
  public static final String POLICY = "policy";

  /** An installation-wide resource (organisations, users, the audit trail). */
  public static Resource system(String type) {
    return new Resource(type, type, Optional.empty(), Classification.INTERNAL, List.of());
  }

  /** The same resource with its legal hold and residency region. */
  public Resource withHoldAndRegion(boolean held, Optional<String> inRegion) {
    return new Resource(
        type,
        id,
        workspace,
        classification,
        dataTypes,
        held,
        inRegion,
        inspection,
        recipientAgreements);
  }

  /** The same resource with its content's inspection state. */
  public Resource withInspection(String state) {
    return new Resource(
        type,
        id,
        workspace,
        classification,
        dataTypes,
        legalHold,
        region,
        Optional.of(state),
        recipientAgreements);
  }

  /** The same resource, to be shared with recipients whose agreements in force are these. */
  public Resource withRecipientAgreements(Set<String> agreements) {
    return new Resource(
        type,
        id,
        workspace,
        classification,
        dataTypes,
        legalHold,
        region,
        inspection,
        Optional.of(agreements));
  }
}
