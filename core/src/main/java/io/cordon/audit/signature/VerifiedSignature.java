package io.cordon.audit.signature;

/** A stored signature record with the result of verifying it now. */
public record VerifiedSignature(SignatureRecord record, SignatureCheck check) {}
