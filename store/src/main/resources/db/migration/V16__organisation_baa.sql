-- A partner's Business Associate Agreement (HIPAA 45 CFR 164.504(e)): whether one is signed and
-- from when it is in force. The third-party-risk capability will maintain it; policy reads it as
-- the agreement 'BAA' of the organisation's users and of share recipients.
ALTER TABLE organisations ADD COLUMN baa SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN baa_effective_ms BIGINT;
