-- Inspection verdicts (issue 5): one row per file version, written as 'pending' in the transaction
-- that appends the version and updated to its verdict in the transaction of its file.inspect audit
-- event. classification and data_types are the version's label now (the version row keeps the one
-- it was uploaded with, which never changes); findings holds counts per entity type as a JSON
-- object, never a value. lease_ms is when a worker's claim on a pending row lapses, so that a
-- killed node's work is picked up again.
CREATE TABLE version_inspections (
  file_id         TEXT    NOT NULL,
  number          INTEGER NOT NULL,
  state           TEXT    NOT NULL,
  classification  TEXT    NOT NULL,
  data_types      TEXT    NOT NULL,
  findings        TEXT    NOT NULL,
  media_type      TEXT,
  detail          TEXT,
  malware         TEXT,
  attempts        INTEGER NOT NULL,
  lease_ms        BIGINT  NOT NULL,
  updated_ms      BIGINT  NOT NULL,
  PRIMARY KEY (file_id, number)
);
CREATE INDEX ix_version_inspections_state ON version_inspections (state, lease_ms);

-- Versions stored before inspection existed are inspected once at the next start.
INSERT INTO version_inspections (file_id, number, state, classification, data_types, findings,
                                 attempts, lease_ms, updated_ms)
  SELECT file_id, number, 'pending', classification, data_types, '{}', 0, 0, created_ms
    FROM file_versions WHERE purged_ms IS NULL;
