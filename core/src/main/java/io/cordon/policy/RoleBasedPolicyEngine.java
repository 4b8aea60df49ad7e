package io.cordon.policy;

import io.cordon.content.Classification;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.Subject;
import io.cordon.identity.OrgKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first policy engine: workspace roles and organisation roles, deny by default.
 *
 * <ul>
 *   <li>Home-organisation administrators administer organisations, users and workspaces; they do
 *       not read content of workspaces they are not members of.
 *   <li>Auditors (organisation role) read the audit trail and list legal holds.
 *   <li>Administrators and home compliance officers (organisation role {@code compliance}) place
 *       and release legal holds; administrators may delete and restore files in any workspace.
 *   <li>Within a workspace, each role permits a fixed set of actions (see {@link #BY_ROLE}).
 *   <li>Partner users never administer and never read restricted content without a second factor in
 *       the session (STEP_UP).
 * </ul>
 *
 * Thread-safe and stateless.
 */
public final class RoleBasedPolicyEngine implements PolicyEngine {
  static final Map<WorkspaceRole, Set<Action>> BY_ROLE =
      Map.of(
          WorkspaceRole.OWNER,
              EnumSet.of(
                  Action.VIEW,
                  Action.DOWNLOAD,
                  Action.UPLOAD,
                  Action.SHARE_EXTERNAL,
                  Action.DELETE,
                  Action.SIGN,
                  Action.MANAGE,
                  Action.AUDIT,
                  Action.RESTORE,
                  Action.CLASSIFY,
                  Action.DECLASSIFY),
          WorkspaceRole.MANAGER,
              EnumSet.of(
                  Action.VIEW,
                  Action.DOWNLOAD,
                  Action.UPLOAD,
                  Action.SHARE_EXTERNAL,
                  Action.DELETE,
                  Action.SIGN,
                  Action.MANAGE,
                  Action.CLASSIFY,
                  Action.DECLASSIFY),
          WorkspaceRole.CONTRIBUTOR,
              EnumSet.of(Action.VIEW, Action.DOWNLOAD, Action.UPLOAD, Action.SIGN, Action.CLASSIFY),
          WorkspaceRole.VIEWER, EnumSet.of(Action.VIEW, Action.DOWNLOAD),
          WorkspaceRole.AUDITOR, EnumSet.of(Action.VIEW, Action.AUDIT));

  /** The organisation role of compliance officers, who place and release legal holds. */
  public static final String COMPLIANCE = "compliance";

  private static final String LEGAL_HOLDS = "legal-hold";

  @Override
  public Decision decide(AccessRequest request, Optional<WorkspaceRole> workspaceRole) {
    Optional<Subject> maybeSubject = request.context().subject();
    if (maybeSubject.isEmpty()) {
      return new Decision.Deny("authentication required", List.of("default-deny"));
    }
    Subject subject = maybeSubject.get();
    Resource resource = request.resource();
    Action action = request.action();

    if (resource.workspace().isEmpty()) {
      return decideInstallationWide(subject, action, resource);
    }
    if ((action == Action.DELETE || action == Action.RESTORE) && subject.isAdministrator()) {
      // Records management: deleting or restoring reads no content, and keeps it until retention.
      return new Decision.Permit(
          "home administrators delete and restore records", List.of("org-role:admin-records"));
    }
    if (action == Action.SHARE_EXTERNAL
        && resource.type().equals(Resource.SHARE)
        && subject.isAdministrator()) {
      // Stopping a share discloses nothing; administrators can always pull one back.
      return new Decision.Permit(
          "home administrators revoke shares", List.of("org-role:admin-shares"));
    }
    if (resource.type().equals(Resource.UPLOAD_REQUEST)) {
      return action == Action.UPLOAD
          ? new Decision.Permit(
              "recipients of an open upload request may upload", List.of("upload-request"))
          : new Decision.Deny(
              "an upload request permits only upload", List.of("upload-request", "default-deny"));
    }
    if (resource.type().equals(Resource.SHARED_FILE)) {
      return decideShared(subject, action, resource, request);
    }
    if (workspaceRole.isEmpty()) {
      return new Decision.Deny("not a member of this workspace", List.of("default-deny"));
    }
    WorkspaceRole role = workspaceRole.get();
    if (!BY_ROLE.get(role).contains(action)) {
      return new Decision.Deny(
          "workspace role " + role.code() + " does not permit " + action.code(),
          List.of("role:" + role.code()));
    }
    if (subject.orgKind() == OrgKind.PARTNER
        && resource.classification() == Classification.RESTRICTED
        && (action == Action.DOWNLOAD || action == Action.VIEW)
        && !request.context().auth().isMultiFactor()) {
      return new Decision.StepUp(
          "restricted content needs a second factor for partner users",
          List.of("role:" + role.code(), "partner-restricted-mfa"));
    }
    return new Decision.Permit(
        "workspace role " + role.code() + " permits " + action.code(),
        List.of("role:" + role.code()));
  }

  /**
   * A recipient of a live share may view and download the shared file (the sharing service builds a
   * {@code shared-file} resource only for them); partners still step up for restricted content.
   */
  private static Decision decideShared(
      Subject subject, Action action, Resource resource, AccessRequest request) {
    if (action != Action.VIEW && action != Action.DOWNLOAD) {
      return new Decision.Deny(
          "a share permits only view and download", List.of("share-recipient", "default-deny"));
    }
    if (subject.orgKind() == OrgKind.PARTNER
        && resource.classification() == Classification.RESTRICTED
        && !request.context().auth().isMultiFactor()) {
      return new Decision.StepUp(
          "restricted content needs a second factor for partner users",
          List.of("share-recipient", "partner-restricted-mfa"));
    }
    return new Decision.Permit(
        "recipients of a live share may " + action.code() + " the file",
        List.of("share-recipient"));
  }

  private static Decision decideInstallationWide(
      Subject subject, Action action, Resource resource) {
    if (action == Action.AUDIT && (subject.hasRole("auditor") || subject.isAdministrator())) {
      return new Decision.Permit(
          "auditors and administrators read the audit trail", List.of("org-role:auditor"));
    }
    if ((action == Action.LEGAL_HOLD || action == Action.AUDIT)
        && resource.type().equals(LEGAL_HOLDS)
        && (subject.isAdministrator()
            || (subject.orgKind() == OrgKind.HOME && subject.hasRole(COMPLIANCE)))) {
      return new Decision.Permit(
          "administrators and compliance officers manage legal holds",
          List.of("legal-hold-officers"));
    }
    if (action == Action.VIEW && resource.type().equals(Resource.AUDIT_PROOFS)) {
      return new Decision.Permit(
          "everyone may check the trail's signed checkpoints and proofs",
          List.of("public-commitments"));
    }
    if (action == Action.COSIGN && resource.type().equals(Resource.WITNESS)) {
      // Only credentials with the witness scope reach this (the channel checks the scope); what a
      // cosignature vouches for is the log's own signature and proof, checked by the witness.
      return new Decision.Permit(
          "witness submitters may ask for cosignatures", List.of("witness-submitter"));
    }
    if (action == Action.ADMINISTER && subject.isAdministrator()) {
      return new Decision.Permit(
          "home administrators administer " + resource.type(), List.of("org-role:admin"));
    }
    if (action == Action.MANAGE
        && resource.type().equals("workspace")
        && subject.orgKind() == OrgKind.HOME) {
      return new Decision.Permit("home users create workspaces", List.of("home-workspaces"));
    }
    if (action == Action.VIEW && resource.type().equals("share-directory")) {
      return new Decision.Permit(
          "everyone lists the shares they created or received", List.of("own-shares"));
    }
    if (action == Action.VIEW && resource.type().equals("workspace-directory")) {
      return new Decision.Permit(
          "everyone lists the workspaces they belong to", List.of("own-workspaces"));
    }
    if (action == Action.VIEW
        && subject.orgKind() == OrgKind.HOME
        && !resource.type().equals("audit")) {
      return new Decision.Permit("home users see the directory", List.of("home-directory"));
    }
    return new Decision.Deny(
        action.code() + " on " + resource.type() + " is not permitted", List.of("default-deny"));
  }
}
