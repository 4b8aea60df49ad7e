-- Cordon metadata schema, version 1.
-- One file for SQLite and PostgreSQL: only portable types (TEXT, BIGINT, INTEGER, SMALLINT,
-- BYTEA). Times are BIGINT epoch milliseconds (UTC), booleans SMALLINT 0/1, sets and lists JSON
-- arrays in TEXT. Enumerations are stored by their stable code, never by ordinal.
-- created_by columns are provenance snapshots, deliberately without foreign keys.

CREATE TABLE organisations (
  id          TEXT   NOT NULL PRIMARY KEY,
  name        TEXT   NOT NULL,
  kind        TEXT   NOT NULL,
  created_ms  BIGINT NOT NULL,
  CONSTRAINT uq_organisations_name UNIQUE (name)
);

CREATE TABLE users (
  id               TEXT     NOT NULL PRIMARY KEY,
  username         TEXT     NOT NULL,
  -- Lowercased (Locale.ROOT) copy: usernames are unique case-insensitively on both databases.
  username_lower   TEXT     NOT NULL,
  email            TEXT     NOT NULL,
  org_id           TEXT     NOT NULL REFERENCES organisations (id),
  roles            TEXT     NOT NULL,
  password_hash    TEXT,
  totp_sealed      TEXT,
  totp_enabled     SMALLINT NOT NULL,
  totp_last_step   BIGINT   NOT NULL DEFAULT 0,
  failed_logins    INTEGER  NOT NULL,
  locked_until_ms  BIGINT,
  status           TEXT     NOT NULL,
  created_ms       BIGINT   NOT NULL,
  CONSTRAINT uq_users_username UNIQUE (username_lower)
);
CREATE INDEX ix_users_org ON users (org_id);

CREATE TABLE sessions (
  id            TEXT     NOT NULL PRIMARY KEY,
  secret_hash   TEXT     NOT NULL,
  user_id       TEXT     NOT NULL REFERENCES users (id),
  auth          TEXT     NOT NULL,
  mfa_pending   SMALLINT NOT NULL,
  client_ip     TEXT     NOT NULL,
  created_ms    BIGINT   NOT NULL,
  last_seen_ms  BIGINT   NOT NULL,
  expires_ms    BIGINT   NOT NULL,
  revoked       SMALLINT NOT NULL,
  CONSTRAINT uq_sessions_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_sessions_expires ON sessions (expires_ms);
CREATE INDEX ix_sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id           TEXT     NOT NULL PRIMARY KEY,
  secret_hash  TEXT     NOT NULL,
  user_id      TEXT     NOT NULL REFERENCES users (id),
  scopes       TEXT     NOT NULL,
  created_ms   BIGINT   NOT NULL,
  expires_ms   BIGINT   NOT NULL,
  revoked      SMALLINT NOT NULL,
  CONSTRAINT uq_api_tokens_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);

CREATE TABLE keysets (
  id              TEXT   NOT NULL PRIMARY KEY,
  purpose         TEXT   NOT NULL,
  -- NULL once destroyed (crypto-shredding keeps the row, not the key material).
  wrapped         BYTEA,
  primary_key_id  BIGINT NOT NULL,
  status          TEXT   NOT NULL,
  created_ms      BIGINT NOT NULL,
  rotated_ms      BIGINT NOT NULL
);

CREATE TABLE workspaces (
  id              TEXT   NOT NULL PRIMARY KEY,
  name            TEXT   NOT NULL,
  classification  TEXT   NOT NULL,
  region          TEXT   NOT NULL,
  kek_id          TEXT   NOT NULL REFERENCES keysets (id),
  created_by      TEXT   NOT NULL,
  created_ms      BIGINT NOT NULL,
  CONSTRAINT uq_workspaces_name UNIQUE (name)
);

CREATE TABLE memberships (
  workspace_id  TEXT   NOT NULL REFERENCES workspaces (id),
  user_id       TEXT   NOT NULL REFERENCES users (id),
  role          TEXT   NOT NULL,
  added_ms      BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX ix_memberships_user ON memberships (user_id);

CREATE TABLE files (
  id            TEXT   NOT NULL PRIMARY KEY,
  workspace_id  TEXT   NOT NULL REFERENCES workspaces (id),
  name          TEXT   NOT NULL,
  created_by    TEXT   NOT NULL,
  created_ms    BIGINT NOT NULL,
  CONSTRAINT uq_files_name UNIQUE (workspace_id, name)
);

CREATE TABLE file_versions (
  file_id         TEXT    NOT NULL REFERENCES files (id),
  number          INTEGER NOT NULL,
  version_id      TEXT    NOT NULL,
  size            BIGINT  NOT NULL,
  sha256          TEXT    NOT NULL,
  blob_key        TEXT    NOT NULL,
  wrapped_dek     BYTEA   NOT NULL,
  classification  TEXT    NOT NULL,
  data_types      TEXT    NOT NULL,
  created_by      TEXT    NOT NULL,
  created_ms      BIGINT  NOT NULL,
  CONSTRAINT uq_file_versions_number UNIQUE (file_id, number),
  CONSTRAINT uq_file_versions_version_id UNIQUE (version_id)
);
CREATE INDEX ix_file_versions_blob ON file_versions (blob_key);

CREATE TABLE settings (
  name   TEXT NOT NULL PRIMARY KEY,
  value  TEXT NOT NULL
);

-- The audit trail. event_json is the event exactly as API.md's event format (with its seq); the
-- other columns are copies for searching.
CREATE TABLE audit_events (
  seq             BIGINT NOT NULL PRIMARY KEY,
  time_ms         BIGINT NOT NULL,
  action          TEXT   NOT NULL,
  actor_user      TEXT,
  actor_username  TEXT,
  object_type     TEXT,
  object_id       TEXT,
  workspace_id    TEXT,
  outcome         TEXT   NOT NULL,
  event_json      TEXT   NOT NULL
);
CREATE INDEX ix_audit_actor_user ON audit_events (actor_user, seq);
CREATE INDEX ix_audit_actor_username ON audit_events (actor_username, seq);
CREATE INDEX ix_audit_action ON audit_events (action, seq);
CREATE INDEX ix_audit_object ON audit_events (object_type, object_id, seq);
CREATE INDEX ix_audit_workspace ON audit_events (workspace_id, seq);
CREATE INDEX ix_audit_time ON audit_events (time_ms);

-- One row holding the last assigned seq. Every append updates it inside the appending
-- transaction, so appends serialise on this row (across nodes too) and a rollback returns the
-- number: sequence numbers stay gapless.
CREATE TABLE audit_head (
  id        SMALLINT NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  CONSTRAINT ck_audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq) VALUES (1, 0);
