-- Second factors besides TOTP (which lives on users): WebAuthn passkeys, their single-use
-- ceremony challenges, and one-time recovery codes.

-- A registered WebAuthn credential (W3C WebAuthn Level 2 §6.1). Only public material: the COSE
-- public key and the credential id, base64url. sign_count only grows, by compare-and-set, so a
-- cloned authenticator replaying an older counter is noticed.
CREATE TABLE webauthn_credentials (
  id             TEXT   NOT NULL PRIMARY KEY,
  user_id        TEXT   NOT NULL REFERENCES users (id),
  credential_id  TEXT   NOT NULL,
  public_key     TEXT   NOT NULL,
  sign_count     BIGINT NOT NULL,
  label          TEXT   NOT NULL,
  created_ms     BIGINT NOT NULL,
  last_used_ms   BIGINT,
  CONSTRAINT uq_webauthn_credential UNIQUE (credential_id)
);
CREATE INDEX ix_webauthn_credentials_user ON webauthn_credentials (user_id);

-- A registration or assertion ceremony in progress: the options sent to the client (they hold
-- the challenge), bound to the session that asked, deleted when used (single use) or expired.
CREATE TABLE webauthn_challenges (
  id          TEXT   NOT NULL PRIMARY KEY,
  session_id  TEXT   NOT NULL,
  purpose     TEXT   NOT NULL,
  request     TEXT   NOT NULL,
  expires_ms  BIGINT NOT NULL
);
CREATE INDEX ix_webauthn_challenges_expires ON webauthn_challenges (expires_ms);

-- One-time recovery codes: only the SHA-256 of each (80 random bits, so a fast hash suffices),
-- spent by compare-and-set on used_ms.
CREATE TABLE recovery_codes (
  user_id     TEXT   NOT NULL REFERENCES users (id),
  code_hash   TEXT   NOT NULL,
  created_ms  BIGINT NOT NULL,
  used_ms     BIGINT,
  PRIMARY KEY (user_id, code_hash)
);
