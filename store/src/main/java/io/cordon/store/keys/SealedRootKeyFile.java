package io.cordon.store.keys;

import io.cordon.context.CordonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of {@code DATA/keys/root.sealed}: a small line-oriented {@code name=value} file with
 * a format version, the sealing mode, the KDF and its parameters, a salt, the GCM nonce and the
 * sealed root key. Everything above the {@code sealed} line is the associated data of the seal, so
 * no recorded parameter can be altered undetected. Parsing is strict and bounded.
 */
record SealedRootKeyFile(
    String mode, Optional<Argon2Settings> kdf, byte[] salt, byte[] nonce, byte[] sealedKey) {
  static final String FORMAT = "cordon-sealed-root-key/1";
  static final int SALT_BYTES = 16;
  static final int KEY_BYTES = 32;
  private static final int SEALED_BYTES = KEY_BYTES + GcmEnvelope.TAG_BITS / 8;
  private static final int MAX_FILE_BYTES = 4096;
  private static final Set<String> MODES = Set.of("passphrase", "key-file", "development");

  SealedRootKeyFile {
    salt = salt.clone();
    nonce = nonce.clone();
    sealedKey = sealedKey.clone();
  }

  /** The canonical header, authenticated by the seal. */
  byte[] associatedData() {
    StringBuilder out = new StringBuilder();
    out.append("format=").append(FORMAT).append('\n');
    out.append("mode=").append(mode).append('\n');
    if (kdf.isPresent()) {
      Argon2Settings a = kdf.orElseThrow();
      out.append("kdf=argon2id\n");
      out.append("argon2id.memory-kib=").append(a.memoryKiB()).append('\n');
      out.append("argon2id.iterations=").append(a.iterations()).append('\n');
      out.append("argon2id.parallelism=").append(a.parallelism()).append('\n');
      out.append("salt=").append(base64(salt)).append('\n');
    } else {
      out.append("kdf=none\n");
    }
    out.append("nonce=").append(base64(nonce)).append('\n');
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  byte[] serialize() {
    String sealedLine = "sealed=" + base64(sealedKey) + "\n";
    byte[] header = associatedData();
    return ByteBuffer.allocate(header.length + sealedLine.length())
        .put(header)
        .put(sealedLine.getBytes(StandardCharsets.US_ASCII))
        .array();
  }

  static SealedRootKeyFile parse(byte[] content) {
    if (content.length > MAX_FILE_BYTES) {
      throw malformed("too large");
    }
    Map<String, String> fields = fields(ascii(content));
    if (!FORMAT.equals(fields.get("format"))) {
      throw malformed("unknown format");
    }
    String mode = fields.get("mode");
    if (mode == null || !MODES.contains(mode)) {
      throw malformed("unknown mode");
    }
    Optional<Argon2Settings> kdf;
    byte[] salt;
    if ("passphrase".equals(mode)) {
      if (!"argon2id".equals(fields.get("kdf"))) {
        throw malformed("a passphrase seal needs kdf=argon2id");
      }
      kdf =
          Optional.of(
              new Argon2Settings(
                  number(fields, "argon2id.memory-kib"),
                  number(fields, "argon2id.iterations"),
                  number(fields, "argon2id.parallelism")));
      salt = bytes(fields, "salt", SALT_BYTES);
    } else {
      if (!"none".equals(fields.get("kdf"))) {
        throw malformed("a key-file seal needs kdf=none");
      }
      kdf = Optional.empty();
      salt = new byte[0];
    }
    return new SealedRootKeyFile(
        mode,
        kdf,
        salt,
        bytes(fields, "nonce", GcmEnvelope.NONCE_BYTES),
        bytes(fields, "sealed", SEALED_BYTES));
  }

  private static String ascii(byte[] content) {
    try {
      return StandardCharsets.US_ASCII
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("not ASCII text");
    }
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || fields.put(line.substring(0, eq), line.substring(eq + 1).strip()) != null) {
        throw malformed("bad or repeated line");
      }
    }
    return fields;
  }

  private static int number(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || !value.matches("[0-9]{1,9}")) {
      throw malformed("missing or bad " + name);
    }
    return Integer.parseInt(value);
  }

  private static byte[] bytes(Map<String, String> fields, String name, int length) {
    String value = fields.get(name);
    byte[] decoded;
    try {
      decoded = value == null ? new byte[0] : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw malformed("bad " + name);
    }
    if (decoded.length != length) {
      throw malformed("missing or short " + name);
    }
    return decoded;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static CordonException.InvalidInput malformed(String what) {
    return new CordonException.InvalidInput(
        "keys/root.sealed is corrupt or truncated (" + what + ")");
  }
}
