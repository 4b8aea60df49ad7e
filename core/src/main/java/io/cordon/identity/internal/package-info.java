/**
 * Identity's mechanisms that no other capability uses: the WebAuthn relying party on Yubico's
 * webauthn-server-core, bound to one metadata transaction.
 */
package io.cordon.identity.internal;
