package io.cordon.identity;

/**
 * A newly issued bearer secret and the hash under which it is stored. The clear {@code secret} is
 * shown to its holder once and never stored; {@code secretHash} (SHA-256, lowercase hex) goes into
 * {@link SessionRecord#secretHash()} or {@link ApiTokenRecord#secretHash()}. {@link #toString}
 * redacts the secret, so the record is safe to log by accident. Immutable and thread-safe.
 *
 * @param secret the clear secret, e.g. {@code cdn_s_…}
 * @param secretHash SHA-256 of the UTF-8 secret, lowercase hex
 */
public record IssuedSecret(String secret, String secretHash) {
  public IssuedSecret {
    if (secret == null || secretHash == null) {
      throw new IllegalArgumentException("secret and hash are required");
    }
  }

  @Override
  public String toString() {
    int prefixEnd = secret.indexOf('_', secret.indexOf('_') + 1) + 1;
    return "IssuedSecret[secret=" + secret.substring(0, prefixEnd) + "…, hash=" + secretHash + "]";
  }
}
