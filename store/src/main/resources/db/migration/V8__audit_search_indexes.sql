-- Indexes for audit search (GET /api/v1/audit/events filters, exports, a file's activity).
-- A file's activity asks for one object id without its type; ix_audit_object leads with the type.
CREATE INDEX ix_audit_object_id ON audit_events (object_id, seq);
-- Denied and failed events are few; an auditor looks for them first.
CREATE INDEX ix_audit_outcome ON audit_events (outcome, seq);
