package io.cordon.inspect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the check-digit validators: appending the computed check digit always validates,
 * and changing any one digit (or swapping two different adjacent ones, for Luhn) never does.
 */
class ChecksumsPropertiesTest {
  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(18);
  }

  private static int luhnCheckDigit(String payload) {
    for (int d = 0; d < 10; d++) {
      if (Checksums.luhn(payload + d)) {
        return d;
      }
    }
    throw new AssertionError("no Luhn digit for " + payload);
  }

  @Property
  void luhn_computedCheckDigit_validates(@ForAll("digits") String payload) {
    assertThat(Checksums.luhn(payload + luhnCheckDigit(payload))).isTrue();
  }

  @Property
  void luhn_anySingleDigitChanged_fails(
      @ForAll("digits") String payload,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String valid = payload + luhnCheckDigit(payload);
    int p = position % valid.length();
    char changed = (char) ('0' + (valid.charAt(p) - '0' + delta) % 10);
    String broken = valid.substring(0, p) + changed + valid.substring(p + 1);
    assertThat(Checksums.luhn(broken)).isFalse();
  }

  @Property
  void nhs_anySingleDigitChanged_fails(
      @ForAll @IntRange(min = 100_000_000, max = 999_999_999) int nine,
      @ForAll @IntRange(min = 0, max = 9) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String payload = Integer.toString(nine);
    String valid = null;
    for (int d = 0; d < 10 && valid == null; d++) {
      if (Checksums.nhs(payload + d)) {
        valid = payload + d;
      }
    }
    if (valid == null) {
      return; // remainder 10: no valid NHS number has this payload
    }
    char changed = (char) ('0' + (valid.charAt(position) - '0' + delta) % 10);
    String broken = valid.substring(0, position) + changed + valid.substring(position + 1);
    assertThat(Checksums.nhs(broken)).isFalse();
  }

  @Property
  void iban_anySingleCharChanged_fails(
      @ForAll @IntRange(min = 0, max = 21) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String valid = "DE89370400440532013000";
    assertThat(Checksums.iban(valid)).isTrue();
    if (position < 2) {
      return; // the country code is checked by length, not by the checksum
    }
    char c = valid.charAt(position);
    char changed = (char) ('0' + (c - '0' + delta) % 10);
    String broken = valid.substring(0, position) + changed + valid.substring(position + 1);
    assertThat(Checksums.iban(broken)).isFalse();
  }

  @Property
  void cas_computedCheckDigit_validates(@ForAll @IntRange(min = 1000, max = 9_999_999) int body) {
    String payload = Integer.toString(body);
    int sum = 0;
    for (int i = payload.length() - 1, w = 1; i >= 0; i--, w++) {
      sum += (payload.charAt(i) - '0') * w;
    }
    assertThat(Checksums.cas(payload + sum % 10)).isTrue();
    assertThat(Checksums.cas(payload + (sum + 1) % 10)).isFalse();
  }

  @Property
  void dea_computedCheckDigit_validates(@ForAll @IntRange(min = 0, max = 999_999) int six) {
    String d = String.format(java.util.Locale.ROOT, "%06d", six);
    int sum =
        (d.charAt(0) - '0')
            + (d.charAt(2) - '0')
            + (d.charAt(4) - '0')
            + 2 * ((d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0'));
    assertThat(Checksums.dea("AB" + d + sum % 10)).isTrue();
    assertThat(Checksums.dea("AB" + d + (sum + 3) % 10)).isFalse();
  }
}
