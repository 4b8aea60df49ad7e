package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodeServiceTest {
  @Test
  void normalise_caseSpacesAndDashes_giveTheSameCode() {
    String code = "abcd-efgh-jkmn-pq23";
    assertThat(RecoveryCodeService.normalise(code)).isEqualTo(code);
    assertThat(RecoveryCodeService.normalise("ABCDEFGHJKMNPQ23")).isEqualTo(code);
    assertThat(RecoveryCodeService.normalise(" abcd efgh-JKMN pq23 ")).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abcd-efgh-jkmn-pq2",
        "abcd-efgh-jkmn-pq234",
        "abcd-efgh-jkmn-pq2l", // l and 1, 0 and o are not in the alphabet
        "abcd-efgh-jkmn-pq20",
        "abcd-efgh-jkmn-pq2é"
      })
  void normalise_notOneOfOurs_null(String code) {
    assertThat(RecoveryCodeService.normalise(code)).isNull();
  }

  @Test
  void normalise_nullOrHuge_null() {
    assertThat(RecoveryCodeService.normalise(null)).isNull();
    assertThat(RecoveryCodeService.normalise("a".repeat(100_000))).isNull();
  }

  @Test
  void hash_boundToTheUser() {
    UserId a = UserId.random();
    UserId b = UserId.random();
    String code = "abcd-efgh-jkmn-pq23";
    assertThat(RecoveryCodeService.hash(a, code))
        .isEqualTo(RecoveryCodeService.hash(a, code))
        .isNotEqualTo(RecoveryCodeService.hash(b, code))
        .doesNotContain(code)
        .hasSize(64);
  }
}
