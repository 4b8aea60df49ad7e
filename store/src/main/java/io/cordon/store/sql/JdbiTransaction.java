package io.cordon.store.sql;

import io.cordon.audit.AuditLog;
import io.cordon.audit.AuditQueries;
import io.cordon.audit.Checkpoints;
import io.cordon.audit.Cosignatures;
import io.cordon.audit.signature.Deliveries;
import io.cordon.audit.signature.Signatures;
import io.cordon.audit.witness.WitnessedLogs;
import io.cordon.content.Files;
import io.cordon.content.LegalHolds;
import io.cordon.content.RecordLifecycle;
import io.cordon.content.ResumableUploads;
import io.cordon.content.Workspaces;
import io.cordon.crypto.Keysets;
import io.cordon.identity.ApiTokens;
import io.cordon.identity.Devices;
import io.cordon.identity.Organisations;
import io.cordon.identity.Passkeys;
import io.cordon.identity.RecoveryCodes;
import io.cordon.identity.Sessions;
import io.cordon.identity.Users;
import io.cordon.sharing.Invitations;
import io.cordon.sharing.Outbox;
import io.cordon.sharing.Shares;
import io.cordon.sharing.UploadRequests;
import io.cordon.storage.Settings;
import io.cordon.storage.Transaction;
import org.jdbi.v3.core.Handle;

/**
 * The repositories of one open Jdbi handle, all working in its transaction. Not thread-safe; valid
 * only inside the {@link JdbiMetadataStore} call that created it.
 */
final class JdbiTransaction implements Transaction {
  private final Handle handle;
  private final SqlDialect dialect;
  private final AuditHead auditHead;

  /**
   * @param auditHead the write batch's locked audit head, or null in a read-only transaction
   */
  JdbiTransaction(Handle handle, SqlDialect dialect, AuditHead auditHead) {
    this.handle = handle;
    this.dialect = dialect;
    this.auditHead = auditHead;
  }

  Handle handle() {
    return handle;
  }

  /** The write batch's locked audit head; only in write transactions. */
  AuditHead auditHead() {
    if (auditHead == null) {
      throw new IllegalStateException("not a write transaction");
    }
    return auditHead;
  }

  /** The write batch's reusable statements (benchmarks); only in write transactions. */
  BatchStatements statements() {
    if (auditHead == null) {
      throw new IllegalStateException("not a write transaction");
    }
    return auditHead.statements();
  }

  @Override
  public Organisations organisations() {
    return new JdbiOrganisations(handle, dialect);
  }

  @Override
  public Users users() {
    return new JdbiUsers(handle, dialect);
  }

  @Override
  public Sessions sessions() {
    return new JdbiSessions(handle, dialect);
  }

  @Override
  public ApiTokens tokens() {
    return new JdbiApiTokens(handle, dialect);
  }

  @Override
  public Devices devices() {
    return new JdbiDevices(handle, dialect);
  }

  @Override
  public Workspaces workspaces() {
    return new JdbiWorkspaces(handle, dialect);
  }

  @Override
  public Files files() {
    return new JdbiFiles(handle, dialect);
  }

  @Override
  public RecordLifecycle lifecycle() {
    return new JdbiRecordLifecycle(handle, dialect);
  }

  @Override
  public LegalHolds legalHolds() {
    return new JdbiLegalHolds(handle, dialect);
  }

  @Override
  public Keysets keysets() {
    return new JdbiKeysets(handle, dialect);
  }

  @Override
  public Settings settings() {
    return new JdbiSettings(handle);
  }

  @Override
  public AuditLog audit() {
    return new JdbiAuditLog(handle, auditHead);
  }

  @Override
  public Checkpoints checkpoints() {
    return new JdbiCheckpoints(handle);
  }

  @Override
  public AuditQueries auditQueries() {
    return new JdbiAuditQueries(handle, dialect);
  }

  @Override
  public WitnessedLogs witnessedLogs() {
    return new JdbiWitnessedLogs(handle);
  }

  @Override
  public Cosignatures cosignatures() {
    return new JdbiCosignatures(handle);
  }

  @Override
  public Signatures signatures() {
    return new JdbiSignatures(handle, dialect);
  }

  @Override
  public ResumableUploads uploads() {
    return new JdbiResumableUploads(handle);
  }

  @Override
  public Deliveries deliveries() {
    return new JdbiDeliveries(handle);
  }

  @Override
  public Passkeys passkeys() {
    return new JdbiPasskeys(handle, dialect);
  }

  @Override
  public RecoveryCodes recoveryCodes() {
    return new JdbiRecoveryCodes(handle);
  }

  @Override
  public Shares shares() {
    return new JdbiShares(handle, dialect);
  }

  @Override
  public Invitations invitations() {
    return new JdbiInvitations(handle);
  }

  @Override
  public Outbox outbox() {
    return new JdbiOutbox(handle);
  }

  @Override
  public UploadRequests uploadRequests() {
    return new JdbiUploadRequests(handle);
  }

  @Override
  public io.cordon.inspect.Inspections inspections() {
    return new JdbiInspections(handle);
  }
}
