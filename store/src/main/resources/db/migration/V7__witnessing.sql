-- Witnessing (c2sp.org/tlog-witness). As a witness: the logs this installation cosigns for, each
-- with its checkpoint key and the latest checkpoint cosigned (size 0 and no root until the first);
-- tree_size only grows, by compare-and-set, so concurrent submissions cannot roll it back.
CREATE TABLE witness_logs (
  origin        TEXT   NOT NULL PRIMARY KEY,
  verifier_key  TEXT   NOT NULL,
  tree_size     BIGINT NOT NULL,
  root_hash     BYTEA,
  updated_ms    BIGINT NOT NULL
);

-- As a log: witnesses' cosignatures of this installation's checkpoints, as the signature lines
-- they returned (verified before they were stored).
CREATE TABLE audit_cosignatures (
  tree_size     BIGINT NOT NULL REFERENCES audit_checkpoints (tree_size),
  witness       TEXT   NOT NULL,
  line          TEXT   NOT NULL,
  cosigned_ms   BIGINT NOT NULL,
  PRIMARY KEY (tree_size, witness)
);
