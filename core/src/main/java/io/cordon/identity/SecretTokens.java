package io.cordon.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer secrets for sessions and API tokens: 256 random bits, base64url without padding, behind a
 * readable prefix ({@code cdn_s_} for sessions, {@code cdn_t_} for API tokens) so that leaked
 * secrets can be recognised by secret scanners and by eye. Only the SHA-256 of a secret is stored
 * (a fast hash suffices: the secret has full entropy, unlike a password).
 *
 * <p>The static functions are pure; an instance only holds its {@link SecureRandom}. Thread-safe.
 */
public final class SecretTokens {
  /** Random bytes per secret: 256 bits. */
  public static final int SECRET_BYTES = 32;

  /** What a secret is for; the prefix makes that visible in the secret itself. */
  public enum Kind {
    SESSION("cdn_s_"),
    API_TOKEN("cdn_t_"),
    DEVICE("cdn_d_");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  private static final int ENCODED_LENGTH = 43;
  private final SecureRandom random;

  public SecretTokens(SecureRandom random) {
    if (random == null) {
      throw new IllegalArgumentException("random is required");
    }
    this.random = random;
  }

  public SecretTokens() {
    this(new SecureRandom());
  }

  /** A fresh secret of the given kind together with its storage hash. */
  public IssuedSecret issue(Kind kind) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String secret = kind.prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new IssuedSecret(secret, sha256Hex(secret));
  }

  /**
   * The kind of a presented secret if it has the shape this class issues (prefix and 43 base64url
   * characters). A cheap pre-check before any lookup; it says nothing about validity.
   */
  public static Optional<Kind> kindOf(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (presented.startsWith(kind.prefix)
          && presented.length() == kind.prefix.length() + ENCODED_LENGTH
          && isBase64Url(presented, kind.prefix.length())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** SHA-256 of the UTF-8 bytes of {@code value}, lowercase hex: the stored form of a secret. */
  public static String sha256Hex(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Compares two strings in time that depends only on their lengths, not on where they differ. Null
   * equals only null.
   */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isBase64Url(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
