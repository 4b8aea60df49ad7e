package io.cordon.audit.signature;

import java.time.Instant;
import java.util.Optional;

/**
 * A public key that seals (or once sealed) e-signature records, as published for verification
 * outside Cordon: Ed25519 (RFC 8032), named by the first 8 bytes of SHA-256 of the key in hex.
 *
 * @param retiredAt when it stopped sealing new records; empty for the current key
 */
public record PublishedKey(String id, byte[] publicKey, Optional<Instant> retiredAt) {
  public PublishedKey {
    if (id == null || publicKey == null || publicKey.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes and an id");
    }
    publicKey = publicKey.clone();
    retiredAt = retiredAt == null ? Optional.empty() : retiredAt;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether this key seals new records. */
  public boolean isCurrent() {
    return retiredAt.isEmpty();
  }
}
