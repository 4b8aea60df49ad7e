-- 21 CFR Part 11 electronic signatures and recipient receipts. A row is written once and never
-- updated or deleted by Cordon; its Ed25519 seal (by the installation's signature key) covers every
-- column but itself, so a row moved to another file or version, or a changed content hash, fails
-- verification. No foreign keys on purpose: the row is inserted after the audit event of the
-- signing (it records that event's seq), and on PostgreSQL a foreign-key check would then take a
-- share lock on the file row while holding the audit head, the reverse of an upload's lock order.
CREATE TABLE signatures (
  id            TEXT    NOT NULL PRIMARY KEY,
  kind          TEXT    NOT NULL,
  file_id       TEXT    NOT NULL,
  version       INTEGER NOT NULL,
  version_id    TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  signer_id     TEXT    NOT NULL,
  printed_name  TEXT    NOT NULL,
  meaning       TEXT    NOT NULL,
  signed_ms     BIGINT  NOT NULL,
  time_zone     TEXT    NOT NULL,
  audit_seq     BIGINT  NOT NULL,
  key_id        TEXT    NOT NULL,
  seal          TEXT    NOT NULL
);
CREATE INDEX ix_signatures_file ON signatures (file_id, version);

-- The full name printed in signature manifests (11.50(a)(1)); NULL means "print the username".
ALTER TABLE users ADD COLUMN display_name TEXT;
