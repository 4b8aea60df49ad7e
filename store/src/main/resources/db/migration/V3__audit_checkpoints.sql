-- Signed checkpoints of the audit Merkle tree (C2SP tlog-checkpoint notes), one per tree size.
-- A copy of each also goes to the checkpoint export directory, out of the database's reach.
CREATE TABLE audit_checkpoints (
  tree_size   BIGINT NOT NULL PRIMARY KEY,
  root_hash   BYTEA  NOT NULL,
  note        TEXT   NOT NULL,
  created_ms  BIGINT NOT NULL
);
