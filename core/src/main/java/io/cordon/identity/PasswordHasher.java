package io.cordon.identity;

import io.cordon.context.CordonException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (<a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a>),
 * stored as PHC strings ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, unpadded Base64 as the
 * reference implementation writes them).
 *
 * <p>Guarantees: a fresh 16-byte salt from a {@link SecureRandom} per hash; {@link #verify}
 * compares in constant time and uses the parameters recorded in the hash (so old hashes keep
 * working after a parameter change, and {@link #needsRehash} tells when to upgrade them); {@link
 * #verifyDummy} costs what a real verification costs, so a login for an unknown user cannot be told
 * apart by timing. Passwords are encoded as UTF-8 without creating {@link String}s, and the
 * intermediate bytes are cleared. Immutable and thread-safe.
 */
public final class PasswordHasher {
  /** Longer passwords are refused rather than hashed: a cheap guard against oversized input. */
  public static final int MAX_PASSWORD_CHARS = 4096;

  /**
   * Argon2id cost parameters (RFC 9106 §3.1).
   *
   * @param memoryKiB m, memory in KiB (at least 8 × parallelism)
   * @param iterations t, passes over memory
   * @param parallelism p, lanes
   * @param hashLength tag length in bytes
   */
  public record Parameters(int memoryKiB, int iterations, int parallelism, int hashLength) {
    /** Upper bounds that keep a single verification affordable even for a hostile stored hash. */
    static final int MAX_MEMORY_KIB = 1 << 20;

    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    /** OWASP's first Argon2id choice: m=19 MiB, t=2, p=1, a 32-byte tag. */
    public static final Parameters OWASP = new Parameters(19 * 1024, 2, 1, 32);

    public Parameters {
      check(memoryKiB, iterations, parallelism);
      checkLengths(SALT_BYTES, hashLength);
    }

    static void check(int memoryKiB, int iterations, int parallelism) {
      if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
        throw new CordonException.InvalidInput("Argon2id parallelism must be 1 to 16");
      }
      if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
        throw new CordonException.InvalidInput("Argon2id memory must be 8·p KiB to 1 GiB");
      }
      if (iterations < 1 || iterations > MAX_ITERATIONS) {
        throw new CordonException.InvalidInput("Argon2id iterations must be 1 to 64");
      }
    }

    static void checkLengths(int saltLength, int hashLength) {
      if (saltLength < 8 || saltLength > 64 || hashLength < 16 || hashLength > 64) {
        throw new CordonException.InvalidInput("Argon2id salt or hash length is out of range");
      }
    }
  }

  static final int SALT_BYTES = 16;

  private final Parameters parameters;
  private final SecureRandom random;
  private final Argon2idPhc dummy;

  public PasswordHasher(Parameters parameters, SecureRandom random) {
    if (parameters == null || random == null) {
      throw new IllegalArgumentException("parameters and random are required");
    }
    this.parameters = parameters;
    this.random = random;
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] tag = new byte[parameters.hashLength()];
    random.nextBytes(tag);
    this.dummy =
        new Argon2idPhc(
            parameters.memoryKiB(), parameters.iterations(), parameters.parallelism(), salt, tag);
  }

  /** With {@link Parameters#OWASP} and a default {@link SecureRandom}. */
  public PasswordHasher() {
    this(Parameters.OWASP, new SecureRandom());
  }

  public Parameters parameters() {
    return parameters;
  }

  /** Hashes {@code password} with a fresh salt; the caller may clear the array afterwards. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Argon2idPhc unsalted =
        new Argon2idPhc(
            parameters.memoryKiB(),
            parameters.iterations(),
            parameters.parallelism(),
            salt,
            new byte[parameters.hashLength()]);
    return unsalted.withHash(derive(password, unsalted)).format();
  }

  /**
   * Whether {@code password} matches {@code phc}.
   *
   * @throws CordonException.InvalidInput if {@code phc} is not a well-formed Argon2id PHC string
   */
  public boolean verify(char[] password, String phc) {
    Argon2idPhc stored = Argon2idPhc.parse(phc);
    return MessageDigest.isEqual(derive(password, stored), stored.hash());
  }

  /**
   * Spends the time of a verification against a hash made with the current parameters and returns
   * {@code false}: call it when the username is unknown, so that the answer takes as long.
   */
  public boolean verifyDummy(char[] password) {
    // Same work as verify(): derive with the dummy's cost, then compare in constant time.
    MessageDigest.isEqual(derive(password, dummy), dummy.hash());
    return false;
  }

  /**
   * Whether {@code phc} was made with other parameters than the current ones, so that the caller
   * should store a new hash after the next successful login.
   *
   * @throws CordonException.InvalidInput if {@code phc} is malformed
   */
  public boolean needsRehash(String phc) {
    Argon2idPhc stored = Argon2idPhc.parse(phc);
    return stored.memoryKiB() != parameters.memoryKiB()
        || stored.iterations() != parameters.iterations()
        || stored.parallelism() != parameters.parallelism()
        || stored.hash().length != parameters.hashLength()
        || stored.salt().length != SALT_BYTES;
  }

  /** Argon2id of {@code password} with the salt, cost and tag length of {@code cost}. */
  private static byte[] derive(char[] password, Argon2idPhc cost) {
    if (password == null) {
      throw new CordonException.InvalidInput("password is missing");
    }
    if (password.length > MAX_PASSWORD_CHARS) {
      throw new CordonException.InvalidInput("password is longer than 4096 characters");
    }
    byte[] utf8 = utf8(password);
    try {
      return argon2id(
          utf8,
          cost.salt(),
          cost.memoryKiB(),
          cost.iterations(),
          cost.parallelism(),
          cost.hash().length,
          null,
          null);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** Raw Argon2id v1.3 (RFC 9106 §3); {@code secret} and {@code ad} may be null. */
  static byte[] argon2id(
      byte[] password,
      byte[] salt,
      int memoryKiB,
      int iterations,
      int parallelism,
      int length,
      byte[] secret,
      byte[] ad) {
    Argon2Parameters.Builder builder =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt);
    if (secret != null) {
      builder.withSecret(secret);
    }
    if (ad != null) {
      builder.withAdditional(ad);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(builder.build());
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  private static byte[] utf8(char[] password) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(password));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      Arrays.fill(encoded.array(), (byte) 0);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new CordonException.InvalidInput("password is not valid Unicode text");
    }
  }

  @Override
  public String toString() {
    return "PasswordHasher" + parameters;
  }
}
