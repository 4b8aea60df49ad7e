package io.cordon.audit.signature;

import com.google.crypto.tink.subtle.Ed25519Verify;
import io.cordon.content.FileVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key that has sealed e-signature records: the current one and those retired by rotation. A
 * record stays verifiable after its key is rotated out, because verification picks the key the
 * record names; only the current key seals new records (21 CFR 11.70: the link between signature
 * and record survives key changes). Immutable and thread-safe.
 */
public final class SignatureKeyRing {
  private final SignatureKey current;
  private final Map<String, Ed25519Verify> retired = new LinkedHashMap<>();
  private final List<PublishedKey> published = new ArrayList<>();

  SignatureKeyRing(SignatureKey current, List<PublishedKey> retiredKeys) {
    this.current = current;
    published.add(new PublishedKey(current.id(), current.publicKey(), Optional.empty()));
    retiredKeys.stream()
        .sorted(Comparator.comparing((PublishedKey k) -> k.retiredAt().orElseThrow()).reversed())
        .forEach(
            k -> {
              retired.put(k.id(), new Ed25519Verify(k.publicKey()));
              published.add(k);
            });
  }

  /** The key that seals new records. */
  public SignatureKey current() {
    return current;
  }

  /** The current key first, then the retired ones, newest retirement first. */
  public List<PublishedKey> published() {
    return List.copyOf(published);
  }

  /**
   * Verifies a stored record with the key it names against the version stored now (see {@link
   * SignatureKey#check}).
   */
  public SignatureCheck check(SignatureRecord record, Optional<FileVersion> current) {
    Ed25519Verify old = retired.get(record.keyId());
    return old == null
        ? this.current.check(record, current)
        : SignatureKey.check(record, current, old);
  }
}
