package io.cordon.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void toString_anySecret_redacts() {
    try (Secret secret = Secret.ofChars("correct horse".toCharArray())) {
      assertThat(secret.toString()).doesNotContain("horse").contains("redacted");
    }
  }

  @Test
  void ofChars_nonAscii_roundTripsAsUtf8() {
    try (Secret secret = Secret.ofChars("şifre-ğü".toCharArray())) {
      assertThat(secret.chars()).containsExactly("şifre-ğü".toCharArray());
      assertThat(secret.length())
          .isEqualTo("şifre-ğü".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void bytes_afterClose_fails() {
    Secret secret = Secret.of(new byte[] {1, 2, 3});
    secret.close();

    assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class);
  }
}
