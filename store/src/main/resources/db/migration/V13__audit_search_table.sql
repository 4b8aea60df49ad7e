-- Audit search off the append path. Until now every append also inserted into the eight search
-- indexes of audit_events (V1, V8), which cost about five times the row itself. From here on an
-- append writes the trail row only (its primary key is seq); a background indexer copies the
-- searchable columns of appended events into audit_search, thousands at a time, and moves the
-- watermark audit_search_state.indexed_seq in the same transaction. A search reads audit_search up
-- to the watermark and scans audit_events after it, so its results stay complete and exact.
CREATE TABLE audit_search (
  seq             BIGINT NOT NULL PRIMARY KEY,
  time_ms         BIGINT NOT NULL,
  action          TEXT   NOT NULL,
  actor_user      TEXT,
  actor_username  TEXT,
  -- The organisation the actor belonged to when the event happened, copied out of event_json.
  actor_org       TEXT,
  object_type     TEXT,
  object_id       TEXT,
  workspace_id    TEXT,
  outcome         TEXT   NOT NULL
);
CREATE INDEX ix_audit_search_actor_user ON audit_search (actor_user, seq);
CREATE INDEX ix_audit_search_actor_username ON audit_search (actor_username, seq);
CREATE INDEX ix_audit_search_actor_org ON audit_search (actor_org, seq);
CREATE INDEX ix_audit_search_action ON audit_search (action, seq);
CREATE INDEX ix_audit_search_object ON audit_search (object_type, object_id, seq);
CREATE INDEX ix_audit_search_object_id ON audit_search (object_id, seq);
CREATE INDEX ix_audit_search_workspace ON audit_search (workspace_id, seq);
CREATE INDEX ix_audit_search_time ON audit_search (time_ms);
CREATE INDEX ix_audit_search_outcome ON audit_search (outcome, seq);

-- Every event with seq <= indexed_seq has its row in audit_search; none after it has. Starts at 0:
-- the indexer catches up with the events already stored, and until then searches scan them.
CREATE TABLE audit_search_state (
  id           SMALLINT NOT NULL PRIMARY KEY,
  indexed_seq  BIGINT   NOT NULL,
  CONSTRAINT ck_audit_search_state_single CHECK (id = 1)
);
INSERT INTO audit_search_state (id, indexed_seq) VALUES (1, 0);

DROP INDEX ix_audit_actor_user;
DROP INDEX ix_audit_actor_username;
DROP INDEX ix_audit_action;
DROP INDEX ix_audit_object;
DROP INDEX ix_audit_workspace;
DROP INDEX ix_audit_time;
DROP INDEX ix_audit_object_id;
DROP INDEX ix_audit_outcome;
