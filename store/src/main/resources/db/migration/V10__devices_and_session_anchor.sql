-- Context signals and continuous verification (issue 4).
-- A session remembers where and with what it was last verified: when it last proved a second
-- factor, the network zone and country of its login or last step-up, and the device it was opened
-- on. A request from another zone or country must prove a second factor again.
ALTER TABLE sessions ADD COLUMN second_factor_at_ms BIGINT;
ALTER TABLE sessions ADD COLUMN anchor_zone TEXT;
ALTER TABLE sessions ADD COLUMN anchor_country TEXT;
ALTER TABLE sessions ADD COLUMN device_id TEXT;

-- Devices registered to users: the secret of the device cookie is stored only as its SHA-256.
CREATE TABLE devices (
  id            TEXT     NOT NULL PRIMARY KEY,
  user_id       TEXT     NOT NULL REFERENCES users (id),
  secret_hash   TEXT     NOT NULL,
  label         TEXT     NOT NULL,
  first_ip      TEXT     NOT NULL,
  created_ms    BIGINT   NOT NULL,
  last_seen_ms  BIGINT   NOT NULL,
  revoked_ms    BIGINT,
  CONSTRAINT uq_devices_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_devices_user ON devices (user_id, created_ms);
