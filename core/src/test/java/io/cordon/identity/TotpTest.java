package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.SharedVectors;
import io.cordon.context.CordonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
  private static final TotpSecret RFC_SECRET =
      TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:10Z");
  private final Totp totp = Totp.standard(Clock.fixed(NOW, ZoneOffset.UTC));

  private static JsonNode vectors() throws IOException {
    return new ObjectMapper().readTree(SharedVectors.file("otp/rfc4226_rfc6238.json").toFile());
  }

  static Stream<Arguments> hotpVectors() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode v : vectors().get("hotp")) {
      cases.add(
          Arguments.of(
              v.get("secretAscii").asText(),
              v.get("counter").asLong(),
              v.get("digits").asInt(),
              v.get("hotp").asText()));
    }
    assertThat(cases).hasSize(10);
    return cases.stream();
  }

  static Stream<Arguments> totpVectors() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode v : vectors().get("totp")) {
      cases.add(
          Arguments.of(
              v.get("algorithm").asText(),
              v.get("secretAscii").asText(),
              v.get("time").asLong(),
              v.get("step").asLong(),
              v.get("digits").asInt(),
              v.get("totp").asText()));
    }
    assertThat(cases).hasSize(18);
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("hotpVectors")
  void hotp_rfc4226Vectors_match(String secret, long counter, int digits, String expected) {
    TotpSecret key = TotpSecret.of(secret.getBytes(StandardCharsets.US_ASCII));
    assertThat(Totp.hotp(Totp.Algorithm.SHA1, key, counter, digits)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("totpVectors")
  void generate_rfc6238Vectors_match(
      String algorithm, String secret, long time, long step, int digits, String expected) {
    Instant at = Instant.ofEpochSecond(time);
    Totp vectorTotp =
        new Totp(
            Totp.Algorithm.valueOf(algorithm),
            digits,
            Duration.ofSeconds(step),
            Clock.fixed(at, ZoneOffset.UTC));
    TotpSecret key = TotpSecret.of(secret.getBytes(StandardCharsets.US_ASCII));

    assertThat(vectorTotp.generate(key, at)).isEqualTo(expected);
    assertThat(vectorTotp.generate(key)).isEqualTo(expected);
    assertThat(vectorTotp.verify(key, expected, at, Totp.NEVER_USED))
        .isEqualTo(OptionalLong.of(time / step));
  }

  @Test
  void verify_codesOfAdjacentSteps_acceptedWithTheirStep() {
    long current = totp.stepAt(NOW);
    for (long delta = -1; delta <= 1; delta++) {
      String code = totp.generate(RFC_SECRET, NOW.plusSeconds(30 * delta));
      assertThat(totp.verify(RFC_SECRET, code, NOW, Totp.NEVER_USED))
          .isEqualTo(OptionalLong.of(current + delta));
    }
  }

  @Test
  void verify_codesTwoStepsAway_rejected() {
    assertThat(totp.verify(RFC_SECRET, totp.generate(RFC_SECRET, NOW.minusSeconds(60)), NOW, -1))
        .isEmpty();
    assertThat(totp.verify(RFC_SECRET, totp.generate(RFC_SECRET, NOW.plusSeconds(60)), NOW, -1))
        .isEmpty();
  }

  @Test
  void verify_sameCodeTwice_secondRefused() {
    String code = totp.generate(RFC_SECRET);
    OptionalLong first = totp.verify(RFC_SECRET, code, Totp.NEVER_USED);

    assertThat(first).isPresent();
    assertThat(totp.verify(RFC_SECRET, code, first.getAsLong())).isEmpty();
    // Still refused in the next step, while the code is inside the ±1 window.
    assertThat(totp.verify(RFC_SECRET, code, NOW.plusSeconds(30), first.getAsLong())).isEmpty();
  }

  @Test
  void verify_olderCodeAfterNewerUsed_refused() {
    long current = totp.stepAt(NOW);
    String previous = totp.generate(RFC_SECRET, NOW.minusSeconds(30));
    assertThat(totp.verify(RFC_SECRET, previous, NOW, current)).isEmpty();
  }

  @Test
  void verify_wrongSecret_rejected() {
    TotpSecret other = TotpSecret.of("09876543210987654321".getBytes(StandardCharsets.US_ASCII));
    assertThat(totp.verify(other, totp.generate(RFC_SECRET), Totp.NEVER_USED)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12345a", "١٢٣٤٥٦", " 12345", "+12345"})
  void verify_malformedCode_rejected(String code) {
    assertThat(totp.verify(RFC_SECRET, code, Totp.NEVER_USED)).isEmpty();
  }

  @Test
  void verify_nullCode_rejected() {
    assertThat(totp.verify(RFC_SECRET, null, Totp.NEVER_USED)).isEmpty();
  }

  @Test
  void generate_leadingZeros_padded() {
    // RFC 6238 vector: SHA1 at 1111111109 is 07081804.
    Totp eight = new Totp(Totp.Algorithm.SHA1, 8, Duration.ofSeconds(30), Clock.systemUTC());
    assertThat(eight.generate(RFC_SECRET, Instant.ofEpochSecond(1111111109L)))
        .isEqualTo("07081804");
  }

  @Test
  void otpauthUri_issuerAndAccount_followsKeyUriFormat() {
    TotpSecret secret = TotpSecret.fromBase32("JBSWY3DPEHPK3PXP");
    String uri = totp.otpauthUri("Cordon Acme", "alice@cdmo.example", secret);
    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/Cordon%20Acme:alice%40cdmo.example?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Cordon%20Acme&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void otpauthUri_issuerWithColon_rejected() {
    assertThatThrownBy(() -> totp.otpauthUri("A:B", "alice", RFC_SECRET))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 9})
  void constructor_digitsOutOfRange_rejected(int digits) {
    assertThatThrownBy(
            () -> new Totp(Totp.Algorithm.SHA1, digits, Duration.ofSeconds(30), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void totpSecret_toString_redactsKey() {
    TotpSecret secret = TotpSecret.fromBase32("JBSWY3DPEHPK3PXP");
    assertThat(secret.toString()).doesNotContain("JBSWY3DPEHPK3PXP").contains("redacted");
    assertThat(secret.toBase32()).isEqualTo("JBSWY3DPEHPK3PXP");
  }
}
