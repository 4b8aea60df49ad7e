-- Sharing with partners (issue 4, items 5-7): shares of a file with named recipients, single-use
-- invitations of guest accounts, and the outbox of e-mail waiting to be sent. Portable types only
-- (SQLite and PostgreSQL run this same file); times are epoch milliseconds; flags are SMALLINT 0/1.
-- No foreign keys, as for signatures (V5): rows are written in the same transaction as their audit
-- event, and a foreign-key check on PostgreSQL would take a lock on the file or user row while the
-- audit head is held, the reverse of an upload's lock order.
CREATE TABLE shares (
  id              TEXT     NOT NULL PRIMARY KEY,
  file_id         TEXT     NOT NULL,
  workspace_id    TEXT     NOT NULL,
  created_by      TEXT     NOT NULL,
  created_ms      BIGINT   NOT NULL,
  expires_ms      BIGINT,
  max_downloads   INTEGER,
  view_only       SMALLINT NOT NULL,
  require_mfa     SMALLINT NOT NULL,
  notify_first    SMALLINT NOT NULL,
  revoked_by      TEXT,
  revoked_ms      BIGINT
);
CREATE INDEX ix_shares_file ON shares (file_id);
CREATE INDEX ix_shares_creator ON shares (created_by);

-- One row per recipient of a share; downloads only grows, by a conditional UPDATE, so concurrent
-- downloads can never pass max_downloads.
CREATE TABLE share_recipients (
  share_id        TEXT     NOT NULL,
  user_id         TEXT     NOT NULL,
  downloads       INTEGER  NOT NULL DEFAULT 0,
  first_access_ms BIGINT,
  PRIMARY KEY (share_id, user_id)
);
CREATE INDEX ix_share_recipients_user ON share_recipients (user_id);

-- Invitations of accounts created without a password. Only the SHA-256 of the token is kept; a
-- token is spent once (used_ms set by compare-and-set) and expires.
CREATE TABLE invitations (
  token_sha256    TEXT     NOT NULL PRIMARY KEY,
  user_id         TEXT     NOT NULL,
  created_ms      BIGINT   NOT NULL,
  expires_ms      BIGINT   NOT NULL,
  used_ms         BIGINT
);
CREATE INDEX ix_invitations_user ON invitations (user_id);

-- Mail to send, written in the transaction that decided to send it; a sender loop delivers it
-- with retries, so a request never waits on SMTP and a dead server loses nothing.
CREATE TABLE mail_outbox (
  id              TEXT     NOT NULL PRIMARY KEY,
  recipient       TEXT     NOT NULL,
  subject         TEXT     NOT NULL,
  body            TEXT     NOT NULL,
  kind            TEXT     NOT NULL,
  created_ms      BIGINT   NOT NULL,
  attempts        INTEGER  NOT NULL DEFAULT 0,
  next_attempt_ms BIGINT   NOT NULL,
  last_error      TEXT,
  sent_ms         BIGINT
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_ms, next_attempt_ms);

-- Upload requests: named recipients may upload into a workspace until the due time or until the
-- requester closes the request.
CREATE TABLE upload_requests (
  id              TEXT     NOT NULL PRIMARY KEY,
  workspace_id    TEXT     NOT NULL,
  requested_by    TEXT     NOT NULL,
  message         TEXT     NOT NULL,
  created_ms      BIGINT   NOT NULL,
  due_ms          BIGINT   NOT NULL,
  closed_ms       BIGINT
);
CREATE INDEX ix_upload_requests_workspace ON upload_requests (workspace_id);

CREATE TABLE upload_request_recipients (
  request_id      TEXT     NOT NULL,
  user_id         TEXT     NOT NULL,
  PRIMARY KEY (request_id, user_id)
);
