package io.cordon.audit.checkpoint;

import com.google.crypto.tink.subtle.Ed25519Sign;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs notes with an Ed25519 key held in memory (RFC 8032, through Tink). The private key can be
 * written and read in the form of Go's {@code note.NewSigner}, {@code PRIVATE+KEY+<name>+<key
 * ID>+<base64(0x01 ‖ 32-byte seed)>}, so that keys move between Cordon and the Go tooling of the
 * transparency-log ecosystem.
 *
 * <p>Thread-safe. {@link #toString()} never shows the key.
 */
public final class Ed25519NoteSigner implements NoteSigner {
  private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";
  private static final int SEED_BYTES = 32;

  private final VerifierKey verifierKey;
  private final Secret seed;
  private final Ed25519Sign signer;

  private Ed25519NoteSigner(String keyName, byte[] seed) throws GeneralSecurityException {
    byte[] publicKey = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
    this.verifierKey = VerifierKey.ed25519(keyName, publicKey);
    this.seed = Secret.of(seed);
    this.signer = new Ed25519Sign(seed);
  }

  /** A new random key named {@code keyName}. */
  public static Ed25519NoteSigner generate(String keyName) {
    byte[] seed = null;
    try {
      seed = Ed25519Sign.KeyPair.newKeyPair().getPrivateKey();
      return new Ed25519NoteSigner(keyName, seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 key generation failed", e);
    } finally {
      zero(seed);
    }
  }

  /** The key named {@code keyName} with the 32-byte private key (RFC 8032 seed) {@code seed}. */
  public static Ed25519NoteSigner fromSeed(String keyName, Secret seed) {
    byte[] bytes = seed.bytes();
    try {
      if (bytes.length != SEED_BYTES) {
        throw new CordonException.InvalidInput("an Ed25519 private key has 32 bytes");
      }
      return new Ed25519NoteSigner(keyName, bytes);
    } catch (GeneralSecurityException e) {
      throw new CordonException.InvalidInput("not an Ed25519 private key");
    } finally {
      zero(bytes);
    }
  }

  /**
   * Reads a private key in Go's signer-key form. The key ID must match the name and the public key
   * derived from the seed.
   *
   * @throws CordonException.InvalidInput if {@code signerKey} is not such a key (the message never
   *     contains the key)
   */
  public static Ed25519NoteSigner fromSignerKey(Secret signerKey) {
    // Parsed as bytes, so that no String ever holds the key.
    byte[] encoded = signerKey.bytes();
    byte[] base64 = null;
    byte[] typedSeed = null;
    byte[] seed = null;
    try {
      byte[] prefix = SIGNER_KEY_PREFIX.getBytes(StandardCharsets.US_ASCII);
      int nameEnd = indexOfPlus(encoded, prefix.length);
      int idEnd = nameEnd < 0 ? -1 : indexOfPlus(encoded, nameEnd + 1);
      if (idEnd < 0 || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
        throw malformedSignerKey();
      }
      String name = utf8(Arrays.copyOfRange(encoded, prefix.length, nameEnd));
      String id = new String(encoded, nameEnd + 1, idEnd - nameEnd - 1, StandardCharsets.US_ASCII);
      base64 = Arrays.copyOfRange(encoded, idEnd + 1, encoded.length);
      typedSeed = decodeCanonical(base64);
      if (!NoteText.isKeyName(name)
          || id.length() != 8
          || !id.chars().allMatch(HexFormat::isHexDigit)
          || typedSeed.length != 1 + SEED_BYTES
          || typedSeed[0] != VerifierKey.ED25519) {
        throw malformedSignerKey();
      }
      seed = Arrays.copyOfRange(typedSeed, 1, typedSeed.length);
      Ed25519NoteSigner parsed = new Ed25519NoteSigner(name, seed);
      if (parsed.keyId() != HexFormat.fromHexDigits(id)) {
        throw new CordonException.InvalidInput("the signer key's ID does not match its key");
      }
      return parsed;
    } catch (GeneralSecurityException e) {
      throw malformedSignerKey();
    } finally {
      zero(encoded);
      zero(base64);
      zero(typedSeed);
      zero(seed);
    }
  }

  /** This key in Go's signer-key form; keep it as secret as the key itself. */
  public Secret signerKey() {
    byte[] seedBytes = seed.bytes();
    byte[] typedSeed = new byte[1 + SEED_BYTES];
    byte[] base64 = null;
    byte[] out = null;
    try {
      typedSeed[0] = VerifierKey.ED25519;
      System.arraycopy(seedBytes, 0, typedSeed, 1, SEED_BYTES);
      base64 = Base64.getEncoder().encode(typedSeed);
      byte[] head =
          (SIGNER_KEY_PREFIX + keyName() + "+" + HexFormat.of().toHexDigits(keyId()) + "+")
              .getBytes(StandardCharsets.UTF_8);
      out = Arrays.copyOf(head, head.length + base64.length);
      System.arraycopy(base64, 0, out, head.length, base64.length);
      return Secret.of(out);
    } finally {
      zero(seedBytes);
      zero(typedSeed);
      zero(base64);
      zero(out);
    }
  }

  /** The public half, to publish and to verify with. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  @Override
  public String keyName() {
    return verifierKey.name();
  }

  @Override
  public int keyId() {
    return verifierKey.keyId();
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      return signer.sign(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "Ed25519NoteSigner[" + keyName() + "+" + HexFormat.of().toHexDigits(keyId()) + "]";
  }

  private static byte[] decodeCanonical(byte[] base64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw malformedSignerKey();
    }
    byte[] again = Base64.getEncoder().encode(decoded);
    boolean canonical = Arrays.equals(again, base64);
    zero(again);
    if (!canonical) {
      zero(decoded);
      throw malformedSignerKey();
    }
    return decoded;
  }

  private static int indexOfPlus(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '+') {
        return i;
      }
    }
    return -1;
  }

  /** The name, if its bytes are well-formed UTF-8 (a lenient decode would change them). */
  private static String utf8(byte[] bytes) {
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    if (!Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes)) {
      throw malformedSignerKey();
    }
    return decoded;
  }

  private static CordonException.InvalidInput malformedSignerKey() {
    return new CordonException.InvalidInput(
        "a signer key is PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ 32-byte Ed25519 key)>");
  }

  private static void zero(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
