package io.cordon.server.web;

import io.cordon.audit.AuditSearch;
import io.cordon.audit.AuditService;
import io.cordon.audit.signature.SignatureService;
import io.cordon.audit.signature.StampedRenditions;
import io.cordon.audit.witness.WitnessService;
import io.cordon.content.ContentService;
import io.cordon.content.LegalHoldService;
import io.cordon.content.RecordLifecycleService;
import io.cordon.content.ResumableUploadService;
import io.cordon.content.WorkspaceService;
import io.cordon.door.SelfServiceAccess;
import io.cordon.door.TelemetryAccess;
import io.cordon.identity.DirectoryService;
import io.cordon.identity.IdentityService;
import io.cordon.identity.MfaEnforcementService;
import io.cordon.identity.PasskeyService;
import io.cordon.identity.RecoveryCodeService;
import io.cordon.policy.service.PolicyService;
import io.cordon.server.metrics.Telemetry;
import io.cordon.sharing.InvitationService;
import io.cordon.sharing.ShareAccess;
import io.cordon.sharing.SharingService;
import io.cordon.sharing.UploadRequestService;
import java.util.function.BooleanSupplier;

/**
 * The application services the HTTP channel calls, a readiness probe (true when the metadata store
 * answers), and the sources of each request's context.
 */
public record Services(
    IdentityService identity,
    DirectoryService directory,
    WorkspaceService workspaces,
    ContentService content,
    ResumableUploadService uploads,
    AuditService audit,
    AuditSearch auditSearch,
    RecordLifecycleService lifecycle,
    LegalHoldService holds,
    WitnessService witness,
    SignatureService signatures,
    StampedRenditions renditions,
    TelemetryAccess telemetryAccess,
    SelfServiceAccess selfService,
    Telemetry telemetry,
    PasskeyService passkeys,
    RecoveryCodeService recoveryCodes,
    SharingService sharing,
    ShareAccess shareAccess,
    InvitationService invitations,
    UploadRequestService uploadRequests,
    PolicyService policy,
    MfaEnforcementService mfaEnforcement,
    io.cordon.inspect.LabelService labels,
    BooleanSupplier ready,
    ContextSources context) {}
