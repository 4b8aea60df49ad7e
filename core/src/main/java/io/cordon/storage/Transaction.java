package io.cordon.storage;

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

/**
 * One open database transaction and the repositories that work inside it. Valid only within the
 * {@link MetadataStore#inTransaction} call that provided it; not thread-safe.
 */
public interface Transaction {
  Organisations organisations();

  Users users();

  Sessions sessions();

  ApiTokens tokens();

  /** Devices registered to users (device recognition). */
  Devices devices();

  Workspaces workspaces();

  Files files();

  /** Retention rules, soft deletion and purge state of records. */
  RecordLifecycle lifecycle();

  LegalHolds legalHolds();

  Keysets keysets();

  Settings settings();

  AuditLog audit();

  Checkpoints checkpoints();

  /** Searching the audit trail (read-only). */
  AuditQueries auditQueries();

  /** The logs this installation witnesses (c2sp.org/tlog-witness). */
  WitnessedLogs witnessedLogs();

  /** Witnesses' cosignatures of this installation's checkpoints. */
  Cosignatures cosignatures();

  /** Electronic signatures and receipts of file versions (21 CFR 11.50, 11.70). */
  Signatures signatures();

  /** Which file versions each user was actually delivered (for receipts). */
  Deliveries deliveries();

  /** Resumable uploads in progress and their stored parts (tus). */
  ResumableUploads uploads();

  /** WebAuthn credentials and ceremony challenges. */
  Passkeys passkeys();

  /** One-time recovery codes (hashed). */
  RecoveryCodes recoveryCodes();

  /** Shares of files with recipients, their limits and revocation. */
  Shares shares();

  /** Single-use invitations of accounts created without a password. */
  Invitations invitations();

  /** E-mail waiting to be sent. */
  Outbox outbox();

  /** Requests to partners to upload into a workspace. */
  UploadRequests uploadRequests();

  /** Inspection verdicts and labels of file versions. */
  io.cordon.inspect.Inspections inspections();
}
