package io.cordon.server.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A verifier of witness cosignatures written from c2sp.org/tlog-cosignature alone (Ed25519,
 * cosignature/v1), sharing no code with the product. Plain JDK only.
 */
final class IndependentCosignatureVerifier {
  private IndependentCosignatureVerifier() {}

  /**
   * Finds the cosignature by the witness {@code verifierKey} ({@code name+hex(keyid)+base64(0x04 ‖
   * pk)}) in a signed note and verifies it over the note's text; returns its timestamp, or throws.
   */
  static long verify(String note, String verifierKey) throws Exception {
    String[] key = verifierKey.strip().split("\\+", 3);
    byte[] typed = Base64.getDecoder().decode(key[2]);
    if (typed.length != 33 || typed[0] != 0x04) {
      throw new AssertionError("not an Ed25519 cosignature/v1 key: " + verifierKey);
    }
    byte[] pk = Arrays.copyOfRange(typed, 1, 33);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(key[0].getBytes(StandardCharsets.UTF_8));
    sha.update(new byte[] {'\n', 0x04});
    byte[] keyId = Arrays.copyOf(sha.digest(pk), 4);
    if (!HexFormat.of().formatHex(keyId).equals(key[1])) {
      throw new AssertionError("key id does not match the key");
    }
    int split = note.lastIndexOf("\n\n");
    String text = note.substring(0, split + 1);
    String prefix = "\u2014 " + key[0] + " ";
    for (String line : note.substring(split + 2).split("\n")) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      byte[] raw = Base64.getDecoder().decode(line.substring(prefix.length()));
      if (raw.length != 4 + 8 + 64 || !Arrays.equals(Arrays.copyOf(raw, 4), keyId)) {
        continue;
      }
      long time = ByteBuffer.wrap(raw, 4, 8).getLong();
      byte[] message =
          ("cosignature/v1\ntime " + time + "\n" + text).getBytes(StandardCharsets.UTF_8);
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(ed25519(pk));
      ed.update(message);
      if (!ed.verify(Arrays.copyOfRange(raw, 12, raw.length))) {
        throw new AssertionError("the cosignature by " + key[0] + " does not verify");
      }
      return time;
    }
    throw new AssertionError("no cosignature by " + key[0] + " in:\n" + note);
  }

  static PublicKey ed25519(byte[] raw) throws Exception {
    // SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix, then the key.
    byte[] spki =
        HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }
}
