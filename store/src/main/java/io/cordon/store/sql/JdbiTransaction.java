package io.cordon.store.sql;

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

  JdbiTransaction(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
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
  public Workspaces workspaces() {
    return new JdbiWorkspaces(handle, dialect);
  }

  @Override
  public Files files() {
    return new JdbiFiles(handle, dialect);
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
    return new JdbiAuditLog(handle);
  }

  @Override
  public Checkpoints checkpoints() {
    return new JdbiCheckpoints(handle);
  }

  @Override
  public Signatures signatures() {
    return new JdbiSignatures(handle, dialect);
  }

  @Override
  public Deliveries deliveries() {
    return new JdbiDeliveries(handle);
  }
}
