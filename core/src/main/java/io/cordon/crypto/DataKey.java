package io.cordon.crypto;

import com.google.crypto.tink.StreamingAead;

/**
 * A fresh per-version data key: the primitive to encrypt the content with, and the data keyset
 * wrapped by the workspace KEK, to be stored with the version ({@code FileVersion.wrappedDek}).
 *
 * @param streamingAead AES256_GCM_HKDF_1MB; use it with {@link DataKeys#contentAssociatedData}
 * @param wrapped the data keyset encrypted by the KEK (Tink binary keyset format)
 */
public record DataKey(StreamingAead streamingAead, byte[] wrapped) {
  public DataKey {
    if (streamingAead == null || wrapped == null) {
      throw new IllegalArgumentException("incomplete data key");
    }
    wrapped = wrapped.clone();
  }

  @Override
  public byte[] wrapped() {
    return wrapped.clone();
  }

  @Override
  public String toString() {
    return "DataKey[" + wrapped.length + " wrapped bytes]";
  }
}
