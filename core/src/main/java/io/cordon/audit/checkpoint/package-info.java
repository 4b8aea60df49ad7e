/**
 * Signed checkpoints of the audit tree in the C2SP formats: the checkpoint body of
 * c2sp.org/tlog-checkpoint (origin, tree size, root hash) inside a c2sp.org/signed-note with an
 * Ed25519 signature, and the signed-note verifier-key strings that publish the public key.
 * Compatible with Go's golang.org/x/mod/sumdb/note, the reference implementation.
 */
package io.cordon.audit.checkpoint;
