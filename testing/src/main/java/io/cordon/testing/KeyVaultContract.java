package io.cordon.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.crypto.KeyVault;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KeyVault} adapter meets: AES-256-GCM (NIST SP 800-38D) round trips,
 * associated data is bound, tampering is detected, encryption is randomised, and a new instance on
 * the same key material decrypts what an earlier one encrypted. Extend it and implement {@link
 * #openVault()}.
 */
public abstract class KeyVaultContract {
  private static final byte[] AD = "keyset k_0000000000 workspace-kek".getBytes(UTF_8);
  private static final byte[] PLAINTEXT = "a keyset, wrapped".getBytes(UTF_8);

  protected KeyVault vault;

  /**
   * A vault on this test's key material; each call opens a new instance on the same material
   * (creating the material on the first call).
   */
  protected abstract KeyVault openVault();

  @BeforeEach
  void openFirstVault() {
    vault = openVault();
  }

  @AfterEach
  void closeVault() {
    vault.close();
  }

  @Test
  void decrypt_ownCiphertext_returnsPlaintext() {
    byte[] ciphertext = vault.encrypt(PLAINTEXT, AD);

    assertThat(vault.decrypt(ciphertext, AD)).isEqualTo(PLAINTEXT);
  }

  @Test
  void decrypt_emptyPlaintextAndAssociatedData_roundTrips() {
    byte[] ciphertext = vault.encrypt(new byte[0], new byte[0]);

    assertThat(vault.decrypt(ciphertext, new byte[0])).isEmpty();
  }

  @Test
  void decrypt_wrongAssociatedData_failsWithIntegrityViolation() {
    byte[] ciphertext = vault.encrypt(PLAINTEXT, AD);
    byte[] otherAd = Arrays.copyOf(AD, AD.length);
    otherAd[otherAd.length - 1] ^= 1;

    assertIntegrityViolation(() -> vault.decrypt(ciphertext, otherAd));
  }

  @Test
  void decrypt_tamperedCiphertext_failsWithIntegrityViolation() {
    byte[] ciphertext = vault.encrypt(PLAINTEXT, AD);

    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x40;
      assertIntegrityViolation(() -> vault.decrypt(tampered, AD));
    }
    assertIntegrityViolation(
        () -> vault.decrypt(Arrays.copyOf(ciphertext, ciphertext.length - 1), AD));
    assertIntegrityViolation(() -> vault.decrypt(new byte[0], AD));
  }

  @Test
  void encrypt_samePlaintextTwice_givesDifferentCiphertexts() {
    assertThat(vault.encrypt(PLAINTEXT, AD)).isNotEqualTo(vault.encrypt(PLAINTEXT, AD));
  }

  @Test
  void decrypt_reopenedVault_decryptsEarlierCiphertext() {
    byte[] ciphertext = vault.encrypt(PLAINTEXT, AD);

    try (KeyVault reopened = openVault()) {
      assertThat(reopened.decrypt(ciphertext, AD)).isEqualTo(PLAINTEXT);
    }
  }

  @Test
  void decrypt_afterClose_fails() {
    byte[] ciphertext = vault.encrypt(PLAINTEXT, AD);
    KeyVault other = openVault();
    other.close();

    assertThatThrownBy(() -> other.decrypt(ciphertext, AD)).isInstanceOf(CordonException.class);
  }

  private static void assertIntegrityViolation(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(CordonException.IntegrityViolation.class)
        .hasMessage(io.cordon.crypto.DecryptionFailure.MESSAGE);
  }
}
