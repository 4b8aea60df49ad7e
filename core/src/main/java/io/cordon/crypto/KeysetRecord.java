package io.cordon.crypto;

import java.time.Instant;
import java.util.Optional;

/**
 * A Tink keyset as stored: encrypted by the root key, never in clear. A destroyed keyset keeps its
 * row (for the record) but no key material.
 *
 * @param purpose what the keys are for, e.g. {@code workspace-kek}, {@code system-secrets}
 * @param wrapped the encrypted keyset (Tink binary format), empty once destroyed
 * @param primaryKeyId Tink's id of the current primary key, for key-status views
 */
public record KeysetRecord(
    KeysetId id,
    String purpose,
    Optional<byte[]> wrapped,
    long primaryKeyId,
    KeysetStatus status,
    Instant created,
    Instant rotated) {
  public KeysetRecord {
    if (id == null || purpose == null || status == null || created == null || rotated == null) {
      throw new IllegalArgumentException("incomplete keyset record");
    }
    wrapped = wrapped == null ? Optional.empty() : wrapped.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> wrapped() {
    return wrapped.map(byte[]::clone);
  }
}
