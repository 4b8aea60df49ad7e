package io.cordon.audit.checkpoint;

import com.google.crypto.tink.subtle.Ed25519Sign;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;

/**
 * A witness's Ed25519 cosigning key held in memory (c2sp.org/tlog-cosignature, cosignature/v1). It
 * signs only the cosignature message, so its signatures can never be mistaken for a log's
 * checkpoint signatures.
 *
 * <p>Thread-safe. {@link #toString()} never shows the key.
 */
public final class Ed25519Cosigner {
  private static final int SEED_BYTES = 32;

  private final CosignerKey key;
  private final Ed25519Sign signer;

  private Ed25519Cosigner(String name, byte[] seed) throws GeneralSecurityException {
    this.key =
        CosignerKey.ed25519(name, Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey());
    this.signer = new Ed25519Sign(seed);
  }

  /** A new random private key (RFC 8032 seed), to wrap and keep. */
  public static Secret generateSeed() {
    try {
      byte[] seed = Ed25519Sign.KeyPair.newKeyPair().getPrivateKey();
      try {
        return Secret.of(seed);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 key generation failed", e);
    }
  }

  /** The cosigner named {@code name} with the 32-byte private key (RFC 8032 seed) {@code seed}. */
  public static Ed25519Cosigner fromSeed(String name, Secret seed) {
    byte[] bytes = seed.bytes();
    try {
      if (bytes.length != SEED_BYTES) {
        throw new CordonException.InvalidInput("an Ed25519 private key has 32 bytes");
      }
      return new Ed25519Cosigner(name, bytes);
    } catch (GeneralSecurityException e) {
      throw new CordonException.InvalidInput("not an Ed25519 private key");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The public key, to publish. */
  public CosignerKey key() {
    return key;
  }

  /** The cosignature of the note text {@code checkpointText}, timestamped at {@code time}. */
  public NoteSignature cosign(String checkpointText, Instant time) {
    long timestamp = time.getEpochSecond();
    byte[] signature;
    try {
      signature = signer.sign(Cosignature.message(timestamp, checkpointText));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    byte[] timestamped =
        ByteBuffer.allocate(Long.BYTES + signature.length)
            .putLong(timestamp)
            .put(signature)
            .array();
    return new NoteSignature(key.name(), key.keyId(), timestamped);
  }

  @Override
  public String toString() {
    return "Ed25519Cosigner[" + key.name() + "]";
  }
}
