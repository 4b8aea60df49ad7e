package io.cordon.server.web;

/** What a route demands before its handler runs. Every route declares one; there is no default. */
enum Access {
  /** Health probes and login: no credentials. */
  PUBLIC,
  /** A session still owing its second factor may call it (completing the factor, logging out). */
  PARTIAL_SESSION,
  /** A fully authenticated session or an API token with the {@code api} scope. */
  AUTHENTICATED,
  /**
   * As {@link #AUTHENTICATED}, and also a session that must enrol a second factor before anything
   * else ({@code mfa.required-roles}): enrolling TOTP or a passkey.
   */
  ENROLMENT,
  /** An API token or session with the {@code metrics} scope. */
  METRICS,
  /**
   * An API token with the {@code witness} scope: a log submitting checkpoints to this witness
   * (c2sp.org/tlog-witness). Sessions never carry it.
   */
  WITNESS
}
