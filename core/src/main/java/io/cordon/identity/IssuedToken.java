package io.cordon.identity;

/** A newly created API token; the secret is shown once and never stored. */
public record IssuedToken(String secret, ApiTokenRecord record) {
  @Override
  public String toString() {
    return "IssuedToken[id=" + record.id() + "]";
  }
}
