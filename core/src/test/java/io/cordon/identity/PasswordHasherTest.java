package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
  /** Cheap parameters for behaviour tests; the vectors below use real costs. */
  private static final PasswordHasher.Parameters FAST =
      new PasswordHasher.Parameters(256, 1, 1, 32);

  private final PasswordHasher hasher = new PasswordHasher(FAST, new SecureRandom());

  @Test
  void argon2id_rfc9106Section5_3Vector_matchesTag() {
    byte[] password = filled(32, 0x01);
    byte[] salt = filled(16, 0x02);
    byte[] secret = filled(8, 0x03);
    byte[] ad = filled(12, 0x04);

    byte[] tag = PasswordHasher.argon2id(password, salt, 32, 3, 4, 32, secret, ad);

    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void verify_phcStringFromAnotherImplementation_accepted() {
    // Made by pyca/cryptography 48 (Argon2id.derive_phc_encoded), salt "somesalt", OWASP costs.
    String phc =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E";
    PasswordHasher owasp = new PasswordHasher();

    assertThat(owasp.verify("password".toCharArray(), phc)).isTrue();
    assertThat(owasp.verify("Password".toCharArray(), phc)).isFalse();
  }

  @Test
  void hash_defaultParameters_writesOwaspCostsInPhcForm() {
    PasswordHasher owasp = new PasswordHasher();
    String phc = owasp.hash("correct horse".toCharArray());

    assertThat(phc)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(owasp.verify("correct horse".toCharArray(), phc)).isTrue();
    assertThat(owasp.needsRehash(phc)).isFalse();
  }

  @Test
  void verify_rightAndWrongPassword_trueThenFalse() {
    String phc = hasher.hash("s3cret!".toCharArray());
    assertThat(hasher.verify("s3cret!".toCharArray(), phc)).isTrue();
    assertThat(hasher.verify("s3cret?".toCharArray(), phc)).isFalse();
    assertThat(hasher.verify(new char[0], phc)).isFalse();
  }

  @Test
  void hash_samePasswordTwice_differentSalts() {
    assertThat(hasher.hash("pw".toCharArray())).isNotEqualTo(hasher.hash("pw".toCharArray()));
  }

  @Test
  void verify_unicodePassword_roundTrips() {
    char[] password = "pässwörd 🔑 ıİ".toCharArray();
    String phc = hasher.hash(password);
    assertThat(hasher.verify(password.clone(), phc)).isTrue();
    assertThat(hasher.verify("passwörd 🔑 ıİ".toCharArray(), phc)).isFalse();
  }

  @Test
  void verify_tamperedHashOrParameters_false() {
    String phc = hasher.hash("pw".toCharArray());
    int lastDollar = phc.lastIndexOf('$');
    char[] chars = phc.toCharArray();
    chars[lastDollar + 5] = chars[lastDollar + 5] == 'A' ? 'B' : 'A';
    assertThat(hasher.verify("pw".toCharArray(), new String(chars))).isFalse();
    assertThat(hasher.verify("pw".toCharArray(), phc.replace(",t=1,", ",t=2,"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plaintext",
        "$argon2i$v=19$m=256,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=16$m=256,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ=$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E=",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X-qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=9999999999,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=256,t=1,p=0$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E$x",
        "$argon2id$v=19$t=1,m=256,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHR$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
        " $argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"
      })
  void verify_malformedPhc_throwsInvalidInput(String phc) {
    assertThatThrownBy(() -> hasher.verify("password".toCharArray(), phc))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("password hash");
  }

  @Test
  void verify_nullPhc_throwsInvalidInput() {
    assertThatThrownBy(() -> hasher.verify("pw".toCharArray(), null))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void needsRehash_otherParameters_true() {
    String phc = hasher.hash("pw".toCharArray());
    PasswordHasher stronger =
        new PasswordHasher(new PasswordHasher.Parameters(512, 1, 1, 32), new SecureRandom());
    assertThat(hasher.needsRehash(phc)).isFalse();
    assertThat(stronger.needsRehash(phc)).isTrue();
    assertThat(stronger.verify("pw".toCharArray(), phc)).isTrue();
  }

  @Test
  void verifyDummy_anyPassword_false() {
    // Equal cost is by construction (the same Argon2id parameters); timing is not asserted in
    // unit tests because these machines are noisy.
    PasswordHasher owasp = new PasswordHasher();
    assertThat(owasp.verifyDummy("pw".toCharArray())).isFalse();
    assertThat(owasp.verifyDummy("".toCharArray())).isFalse();
  }

  @Test
  void hash_overlongPassword_throwsInvalidInput() {
    char[] tooLong = new char[PasswordHasher.MAX_PASSWORD_CHARS + 1];
    Arrays.fill(tooLong, 'a');
    assertThatThrownBy(() -> hasher.hash(tooLong)).isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void parameters_tooLittleMemory_rejected() {
    assertThatThrownBy(() -> new PasswordHasher.Parameters(8, 1, 2, 32))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void toString_parametersOnly() {
    assertThat(hasher.toString()).contains("256").doesNotContain("$argon2id");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
