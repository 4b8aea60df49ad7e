package io.cordon.storage;

import io.cordon.audit.AuditLog;
import io.cordon.audit.Checkpoints;
import io.cordon.audit.signature.Deliveries;
import io.cordon.audit.signature.Signatures;
import io.cordon.content.Files;
import io.cordon.content.Workspaces;
import io.cordon.crypto.Keysets;
import io.cordon.identity.ApiTokens;
import io.cordon.identity.Organisations;
import io.cordon.identity.Sessions;
import io.cordon.identity.Users;

/**
 * One open database transaction and the repositories that work inside it. Valid only within the
 * {@link MetadataStore#inTransaction} call that provided it; not thread-safe.
 */
public interface Transaction {
  Organisations organisations();

  Users users();

  Sessions sessions();

  ApiTokens tokens();

  Workspaces workspaces();

  Files files();

  Keysets keysets();

  Settings settings();

  AuditLog audit();

  Checkpoints checkpoints();

  Signatures signatures();

  Deliveries deliveries();
}
