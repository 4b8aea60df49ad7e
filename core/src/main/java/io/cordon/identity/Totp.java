package io.cordon.identity;

import io.cordon.context.CordonException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, <a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>,
 * built on HOTP (<a href="https://www.rfc-editor.org/rfc/rfc4226">RFC 4226</a>).
 *
 * <p>Guarantees: {@link #verify} accepts the current step and one step either side (RFC 6238 §5.2),
 * compares codes in constant time, and refuses any step at or before the last step the user already
 * spent, so a code cannot be replayed within its window (RFC 6238 §5.2, "MUST NOT accept the second
 * attempt"). The caller stores the returned step as the new {@code lastUsedStep}. Immutable and
 * thread-safe.
 */
public final class Totp {
  /** The HMAC under HOTP's dynamic truncation (RFC 6238 §1.2). */
  public enum Algorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String jcaName;

    Algorithm(String jcaName) {
      this.jcaName = jcaName;
    }
  }

  /** No step has been used yet: every step is acceptable. */
  public static final long NEVER_USED = Long.MIN_VALUE;

  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private final Algorithm algorithm;
  private final int digits;
  private final long stepSeconds;
  private final Clock clock;

  /**
   * @param digits 6 to 8 (RFC 4226 §5.3)
   * @param step the time step X of RFC 6238 §4.1, a whole number of seconds
   */
  public Totp(Algorithm algorithm, int digits, Duration step, Clock clock) {
    if (algorithm == null || step == null || clock == null) {
      throw new IllegalArgumentException("algorithm, step and clock are required");
    }
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("TOTP codes have 6 to 8 digits");
    }
    if (step.isNegative() || step.isZero() || step.getNano() != 0) {
      throw new IllegalArgumentException("the TOTP step must be a positive number of seconds");
    }
    this.algorithm = algorithm;
    this.digits = digits;
    this.stepSeconds = step.getSeconds();
    this.clock = clock;
  }

  /** SHA-1, 6 digits, 30 seconds: what every authenticator app supports. */
  public static Totp standard(Clock clock) {
    return new Totp(Algorithm.SHA1, 6, Duration.ofSeconds(30), clock);
  }

  /** The step number (T of RFC 6238 §4.2) that contains {@code at}. */
  public long stepAt(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), stepSeconds);
  }

  /** The code valid at {@code at}. */
  public String generate(TotpSecret secret, Instant at) {
    return hotp(algorithm, secret, stepAt(at), digits);
  }

  /** The code valid now, by the injected clock. */
  public String generate(TotpSecret secret) {
    return generate(secret, clock.instant());
  }

  /**
   * Checks {@code code} against the steps around {@code now}.
   *
   * @param lastUsedStep the step of the last accepted code, or {@link #NEVER_USED}
   * @return the matched step, to be stored as the next {@code lastUsedStep}; empty when the code is
   *     wrong, malformed, outside the window or already used
   */
  public OptionalLong verify(TotpSecret secret, String code, Instant now, long lastUsedStep) {
    if (code == null || code.length() != digits || !isAsciiDigits(code)) {
      return OptionalLong.empty();
    }
    byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
    long current = stepAt(now);
    long matched = NEVER_USED;
    // Every candidate is computed and compared, so timing does not tell which step matched.
    for (long step = current - 1; step <= current + 1; step++) {
      byte[] expected = hotp(algorithm, secret, step, digits).getBytes(StandardCharsets.US_ASCII);
      boolean equal = MessageDigest.isEqual(expected, presented);
      if (equal && step > lastUsedStep && matched == NEVER_USED) {
        matched = step;
      }
    }
    return matched == NEVER_USED ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /** {@link #verify(TotpSecret, String, Instant, long)} at the injected clock's time. */
  public OptionalLong verify(TotpSecret secret, String code, long lastUsedStep) {
    return verify(secret, code, clock.instant(), lastUsedStep);
  }

  /**
   * The enrolment URI of the <a
   * href="https://github.com/google/google-authenticator/wiki/Key-Uri-Format">Key Uri Format</a>:
   * {@code otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=…&digits=…&period=…}.
   */
  public String otpauthUri(String issuer, String account, TotpSecret secret) {
    if (issuer == null || issuer.isBlank() || issuer.contains(":")) {
      throw new CordonException.InvalidInput("the TOTP issuer must be non-blank, without ':'");
    }
    if (account == null || account.isBlank()) {
      throw new CordonException.InvalidInput("the TOTP account name must be non-blank");
    }
    return "otpauth://totp/"
        + encode(issuer)
        + ":"
        + encode(account)
        + "?secret="
        + secret.toBase32()
        + "&issuer="
        + encode(issuer)
        + "&algorithm="
        + algorithm.name()
        + "&digits="
        + digits
        + "&period="
        + stepSeconds;
  }

  /** HOTP(K, C) of RFC 4226 §5.3 with the given HMAC; exposed for the RFC 4226 test vectors. */
  static String hotp(Algorithm algorithm, TotpSecret secret, long counter, int digits) {
    byte[] key = secret.bytes();
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName);
      mac.init(new SecretKeySpec(key, algorithm.jcaName));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      String code = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm.jcaName, e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static boolean isAsciiDigits(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String encode(String value) {
    // URLEncoder does form encoding; a URI path and query want %20 for a space, not '+'.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Totp[%s, %d digits, %d s]", algorithm, digits, stepSeconds);
  }
}
