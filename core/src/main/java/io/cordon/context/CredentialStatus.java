package io.cordon.context;

/**
 * Port: is the credential behind a request still good? Asked again and again by a delivery in
 * flight ({@link StillAllowed}), so a logout, a revoked token or session, a disabled user or an
 * ended session stops the next chunk. The identity service answers it; thread-safe.
 */
@FunctionalInterface
public interface CredentialStatus {
  /** Trusts every request: for a service used without a credential store (a local command). */
  CredentialStatus TRUSTED = ctx -> StillAllowed.ALWAYS;

  /** The check for the credential of {@code ctx} (an anonymous request is never allowed). */
  StillAllowed watch(RequestContext ctx);
}
