package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {
  private final SecretTokens tokens = new SecretTokens();

  @Test
  void issue_session_hasPrefixAnd256BitsOfBase64Url() {
    IssuedSecret issued = tokens.issue(SecretTokens.Kind.SESSION);
    assertThat(issued.secret()).matches("cdn_s_[A-Za-z0-9_-]{43}");
    assertThat(tokens.issue(SecretTokens.Kind.API_TOKEN).secret()).startsWith("cdn_t_");
  }

  @Test
  void issue_manyTimes_allDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(tokens.issue(SecretTokens.Kind.SESSION).secret())).isTrue();
    }
  }

  @Test
  void issue_hash_isSha256HexOfSecret() {
    IssuedSecret issued = tokens.issue(SecretTokens.Kind.API_TOKEN);
    assertThat(issued.secretHash())
        .isEqualTo(SecretTokens.sha256Hex(issued.secret()))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void sha256Hex_fipsVector_matches() {
    // FIPS 180-2 Appendix B.1, "abc".
    assertThat(SecretTokens.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void constantTimeEquals_variousPairs_behavesAsEquals() {
    assertThat(SecretTokens.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(SecretTokens.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(SecretTokens.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(SecretTokens.constantTimeEquals(null, "abc")).isFalse();
    assertThat(SecretTokens.constantTimeEquals(null, null)).isTrue();
  }

  @Test
  void kindOf_issuedAndForeignStrings_recognisesOnlyIssuedShape() {
    assertThat(SecretTokens.kindOf(tokens.issue(SecretTokens.Kind.SESSION).secret()))
        .contains(SecretTokens.Kind.SESSION);
    assertThat(SecretTokens.kindOf(tokens.issue(SecretTokens.Kind.API_TOKEN).secret()))
        .contains(SecretTokens.Kind.API_TOKEN);
    assertThat(SecretTokens.kindOf("cdn_t_short")).isEqualTo(Optional.empty());
    assertThat(SecretTokens.kindOf("cdn_x_" + "A".repeat(43))).isEmpty();
    assertThat(SecretTokens.kindOf("cdn_s_" + "A".repeat(42) + "=")).isEmpty();
    assertThat(SecretTokens.kindOf(null)).isEmpty();
  }

  @Test
  void issuedSecret_toString_redactsSecret() {
    IssuedSecret issued = tokens.issue(SecretTokens.Kind.SESSION);
    String shown = issued.toString();
    assertThat(shown).doesNotContain(issued.secret().substring(6)).contains("cdn_s_");
  }
}
