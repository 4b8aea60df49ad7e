package io.cordon.server.web;

import io.cordon.audit.AuditSearch;
import io.cordon.audit.AuditService;
import io.cordon.audit.signature.SignatureService;
import io.cordon.audit.signature.StampedRenditions;
import io.cordon.audit.witness.WitnessService;
import io.cordon.content.ContentService;
import io.cordon.content.LegalHoldService;
import io.cordon.content.RecordLifecycleService;
import io.cordon.content.WorkspaceService;
import io.cordon.identity.DirectoryService;
import io.cordon.identity.IdentityService;
import io.cordon.policy.service.PolicyService;
import java.util.function.BooleanSupplier;

/**
 * The application services the HTTP channel calls, and a readiness probe (true when the metadata
 * store answers).
 */
public record Services(
    IdentityService identity,
    DirectoryService directory,
    WorkspaceService workspaces,
    ContentService content,
    AuditService audit,
    AuditSearch auditSearch,
    RecordLifecycleService lifecycle,
    LegalHoldService holds,
    WitnessService witness,
    SignatureService signatures,
    StampedRenditions renditions,
    PolicyService policy,
    BooleanSupplier ready) {}
