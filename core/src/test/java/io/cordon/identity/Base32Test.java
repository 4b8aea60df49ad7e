package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {
  /** RFC 4648 §10 test vectors. */
  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "f, MY======",
    "fo, MZXQ====",
    "foo, MZXW6===",
    "foob, MZXW6YQ=",
    "fooba, MZXW6YTB",
    "foobar, MZXW6YTBOI======"
  })
  void encode_rfc4648Vectors_match(String plain, String encoded) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
    assertThat(Base32.encode(bytes)).isEqualTo(encoded);
    assertThat(Base32.encodeUnpadded(bytes)).isEqualTo(encoded.replace("=", ""));
    assertThat(Base32.decode(encoded)).isEqualTo(bytes);
    assertThat(Base32.decode(encoded.replace("=", ""))).isEqualTo(bytes);
    assertThat(Base32.decode(encoded.toLowerCase(java.util.Locale.ROOT))).isEqualTo(bytes);
  }

  @Test
  void decode_lowerCaseUnderTurkishLocale_accepted() {
    // The surefire locale is tr_TR, where "I".toLowerCase() is a dotless ı; the decoder is not
    // fooled either way.
    assertThat(Base32.decode("mzxw6ytboi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Base32.decode("MZXW6YTBOı"))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void decode_randomBytes_roundTrip() {
    SecureRandom random = new SecureRandom();
    for (int length = 0; length < 64; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertThat(Base32.decode(Base32.encodeUnpadded(bytes))).isEqualTo(bytes);
      assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZ1W", "MZ W", "MY=", "MY=====", "M=Y=====", "MZ"})
  void decode_malformed_throwsInvalidInput(String text) {
    assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(CordonException.InvalidInput.class);
  }
}
