package io.cordon.server.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A tiny transparency log written from RFC 9162 §2.1 and c2sp.org/signed-note with the plain JDK,
 * to submit hand-made (and hostile) checkpoints to a witness: its own Ed25519 key, leaves it makes
 * up, roots, consistency proofs and signed checkpoint notes.
 */
final class TestLog {
  final String origin;
  private final KeyPair keys;
  private final List<byte[]> leaves = new ArrayList<>();
  private final String salt;

  TestLog(String origin, String salt) throws Exception {
    this.origin = origin;
    this.salt = salt;
    this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  /** Another log of the same name and leaves 0..shared-1 but its own key and later leaves. */
  TestLog fork(String otherSalt, int shared) throws Exception {
    TestLog fork = new TestLog(origin, otherSalt);
    fork.leaves.addAll(leaves.subList(0, shared));
    return fork;
  }

  TestLog grow(int size) throws Exception {
    while (leaves.size() < size) {
      leaves.add(hash(new byte[] {0}, (salt + leaves.size()).getBytes(StandardCharsets.UTF_8)));
    }
    return this;
  }

  String verifierKey() {
    byte[] typed = new byte[33];
    typed[0] = 0x01;
    System.arraycopy(publicKey(), 0, typed, 1, 32);
    return origin + "+" + HexFormat.of().formatHex(keyId()) + "+" + b64(typed);
  }

  /** The signed checkpoint note of the first {@code size} leaves. */
  String checkpoint(int size) throws Exception {
    String body = origin + "\n" + size + "\n" + b64(root(size)) + "\n";
    return sign(body);
  }

  /** A signed note of any body, by this log's key. */
  String sign(String body) throws Exception {
    Signature ed = Signature.getInstance("Ed25519");
    ed.initSign(keys.getPrivate());
    ed.update(body.getBytes(StandardCharsets.UTF_8));
    byte[] sig = ByteBuffer.allocate(68).put(keyId()).put(ed.sign()).array();
    return body + "\n\u2014 " + origin + " " + b64(sig) + "\n";
  }

  /** An add-checkpoint body from {@code old} to {@code size}, with the right proof. */
  String request(int old, int size) throws Exception {
    StringBuilder body = new StringBuilder("old " + old + "\n");
    if (old > 0 && old < size) {
      for (byte[] h : subproof(old, 0, size, true)) {
        body.append(b64(h)).append('\n');
      }
    }
    return body.append('\n').append(checkpoint(size)).toString();
  }

  byte[] root(int size) throws Exception {
    return size == 0 ? hash() : mth(0, size);
  }

  private byte[] mth(int from, int to) throws Exception {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(to - from - 1);
    return hash(new byte[] {1}, mth(from, from + k), mth(from + k, to));
  }

  /** RFC 9162 §2.1.4.1 SUBPROOF(m, D[from:to], b). */
  private List<byte[]> subproof(int m, int from, int to, boolean b) throws Exception {
    int n = to - from;
    if (m == n) {
      return b ? new ArrayList<>() : new ArrayList<>(List.of(mth(from, to)));
    }
    int k = Integer.highestOneBit(n - 1);
    List<byte[]> proof;
    if (m <= k) {
      proof = subproof(m, from, from + k, b);
      proof.add(mth(from + k, to));
    } else {
      proof = subproof(m - k, from + k, to, false);
      proof.add(mth(from, from + k));
    }
    return proof;
  }

  private byte[] publicKey() {
    byte[] spki = keys.getPublic().getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  private byte[] keyId() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(origin.getBytes(StandardCharsets.UTF_8));
      sha.update(new byte[] {'\n', 0x01});
      return Arrays.copyOf(sha.digest(publicKey()), 4);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hash(byte[]... parts) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      sha.update(p);
    }
    return sha.digest();
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
