-- Resumable uploads (tus 1.0). The bytes received so far live in the blob store as parts, each
-- encrypted under the upload's own data key (wrapped_key, base64, wrapped by the workspace KEK);
-- a completed upload keeps its row (file_id, version) until it expires, so that a client whose
-- last response was lost can still learn the outcome.
CREATE TABLE uploads (
  id               TEXT    NOT NULL PRIMARY KEY,
  workspace_id     TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  owner_id         TEXT    NOT NULL,
  length           BIGINT  NOT NULL,
  upload_offset    BIGINT  NOT NULL,
  expected_sha256  TEXT,
  wrapped_key      TEXT    NOT NULL,
  created_ms       BIGINT  NOT NULL,
  expires_ms       BIGINT  NOT NULL,
  file_id          TEXT,
  file_version     INTEGER,
  file_sha256      TEXT
);
CREATE INDEX ix_uploads_expiry ON uploads (expires_ms);

CREATE TABLE upload_parts (
  upload_id  TEXT    NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  part       INTEGER NOT NULL,
  blob_key   TEXT    NOT NULL,
  bytes      BIGINT  NOT NULL,
  PRIMARY KEY (upload_id, part)
);
CREATE INDEX ix_upload_parts_blob ON upload_parts (blob_key);
