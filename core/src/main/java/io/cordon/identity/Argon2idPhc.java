package io.cordon.identity;

import io.cordon.context.CordonException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format of the reference implementation: {@code
 * $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt and hash in unpadded standard
 * Base64. Parsing is strict and bounded, so a corrupted or hostile stored value can neither be
 * half-understood nor make a verification cost more than {@link PasswordHasher.Parameters} allows.
 */
record Argon2idPhc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
  private static final Pattern FORMAT =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,3})"
              + "\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");

  Argon2idPhc {
    salt = salt.clone();
    hash = hash.clone();
  }

  /**
   * Parses {@code phc}.
   *
   * @throws CordonException.InvalidInput if it is not an Argon2id v1.3 PHC string within bounds
   */
  static Argon2idPhc parse(String phc) {
    if (phc == null) {
      throw new CordonException.InvalidInput("password hash is missing");
    }
    Matcher m = FORMAT.matcher(phc);
    if (!m.matches()) {
      throw new CordonException.InvalidInput(
          "password hash is not an Argon2id v19 PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)");
    }
    long memory = Long.parseLong(m.group(1));
    long iterations = Long.parseLong(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    byte[] salt = decode(m.group(4), "salt");
    byte[] hash = decode(m.group(5), "hash");
    if (memory > Integer.MAX_VALUE || iterations > Integer.MAX_VALUE) {
      throw new CordonException.InvalidInput("password hash parameters are out of range");
    }
    try {
      PasswordHasher.Parameters.check((int) memory, (int) iterations, parallelism);
      PasswordHasher.Parameters.checkLengths(salt.length, hash.length);
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.InvalidInput("password hash is out of bounds: " + e.getMessage());
    }
    return new Argon2idPhc((int) memory, (int) iterations, parallelism, salt, hash);
  }

  Argon2idPhc withHash(byte[] newHash) {
    return new Argon2idPhc(memoryKiB, iterations, parallelism, salt, newHash);
  }

  String format() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + memoryKiB
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  private static byte[] decode(String text, String what) {
    // Unpadded Base64 cannot end with one spare character (6 bits never make a byte).
    if (text.length() % 4 == 1) {
      throw new CordonException.InvalidInput("password hash " + what + " is not valid Base64");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
        throw new CordonException.InvalidInput(
            "password hash " + what + " is not canonical Base64");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw new CordonException.InvalidInput("password hash " + what + " is not valid Base64");
    }
  }

  @Override
  public String toString() {
    return "Argon2idPhc[m=" + memoryKiB + ", t=" + iterations + ", p=" + parallelism + "]";
  }
}
