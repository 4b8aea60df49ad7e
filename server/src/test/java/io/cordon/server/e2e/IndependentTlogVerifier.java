package io.cordon.server.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A verifier of Cordon's checkpoints and proofs written from the specifications alone (RFC 9162
 * §2.1, c2sp.org/signed-note, c2sp.org/tlog-checkpoint), sharing no code with the product, as a
 * partner or inspector would write one. Plain JDK only.
 */
final class IndependentTlogVerifier {
  private IndependentTlogVerifier() {}

  record Checkpoint(String origin, long size, byte[] root) {}

  static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      d.update(p);
    }
    return d.digest();
  }

  static byte[] leafHash(byte[] data) throws Exception {
    return sha256(new byte[] {0}, data);
  }

  static byte[] nodeHash(byte[] left, byte[] right) throws Exception {
    return sha256(new byte[] {1}, left, right);
  }

  /**
   * Verifies a signed note against a verifier key {@code name+hex(keyid)+base64(0x01 ‖ pk)} and
   * returns the checkpoint it carries; throws if anything does not hold.
   */
  static Checkpoint verifyCheckpoint(String note, String verifierKey) throws Exception {
    // name+keyid+key: names hold no '+', but the base64 key may.
    String[] key = verifierKey.strip().split("\\+", 3);
    if (key.length != 3) {
      throw new AssertionError("verifier key has not three parts: " + verifierKey);
    }
    String name = key[0];
    byte[] typedKey = Base64.getDecoder().decode(key[2]);
    if (typedKey.length != 33 || typedKey[0] != 1) {
      throw new AssertionError("not an Ed25519 verifier key");
    }
    byte[] publicKey = Arrays.copyOfRange(typedKey, 1, 33);
    byte[] keyId =
        Arrays.copyOf(
            sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', 1}, publicKey), 4);
    if (!HexFormat.of().formatHex(keyId).equals(key[1])) {
      throw new AssertionError("key id does not match the key");
    }
    int split = note.lastIndexOf("\n\n");
    String text = note.substring(0, split + 1);
    String[] sigLines = note.substring(split + 2).split("\n");
    boolean verified = false;
    for (String line : sigLines) {
      String prefix = "\u2014 " + name + " ";
      if (!line.startsWith(prefix)) {
        continue;
      }
      byte[] sig = Base64.getDecoder().decode(line.substring(prefix.length()));
      if (!Arrays.equals(Arrays.copyOf(sig, 4), keyId)) {
        continue;
      }
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(ed25519(publicKey));
      ed.update(text.getBytes(StandardCharsets.UTF_8));
      if (!ed.verify(Arrays.copyOfRange(sig, 4, sig.length))) {
        throw new AssertionError("bad signature");
      }
      verified = true;
    }
    if (!verified) {
      throw new AssertionError("no signature by " + name);
    }
    String[] body = text.split("\n");
    if (!body[0].equals(name)) {
      throw new AssertionError("origin " + body[0] + " is not the key's name " + name);
    }
    return new Checkpoint(body[0], Long.parseLong(body[1]), Base64.getDecoder().decode(body[2]));
  }

  private static PublicKey ed25519(byte[] raw) throws Exception {
    // SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix, then the key.
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] spki = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, spki, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  /** RFC 9162 §2.1.3.2. */
  static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root)
      throws Exception {
    if (leafIndex >= treeSize) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /** RFC 9162 §2.1.4.2. */
  static boolean verifyConsistency(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof)
      throws Exception {
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (first == 0 || first > second || proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = proof;
    if (Long.bitCount(first) == 1) {
      path = new java.util.ArrayList<>(proof);
      path.addFirst(firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
  }
}
