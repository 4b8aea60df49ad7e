/**
 * Who is who: organisations (the home organisation and its partners), users, password hashes
 * (Argon2id), second factors (TOTP, RFC 6238), sessions and API tokens. Secrets are stored only as
 * hashes or sealed under the system key; the repositories here are ports.
 */
package io.cordon.identity;
