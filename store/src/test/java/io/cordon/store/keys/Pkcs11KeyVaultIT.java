package io.cordon.store.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.crypto.KeyVault;
import io.cordon.testing.KeyVaultContract;
import io.cordon.testing.SoftHsmToken;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PKCS#11 vault against a fresh SoftHSM2 token. */
class Pkcs11KeyVaultIT extends KeyVaultContract {
  private static SoftHsmToken token;

  @BeforeAll
  static void token() {
    token = SoftHsmToken.fresh();
  }

  private static Pkcs11Settings settings() {
    return new Pkcs11Settings(token.library(), token.slot(), token.pinFile());
  }

  @Override
  protected KeyVault openVault() {
    return Pkcs11KeyVault.open(settings());
  }

  @Test
  void open_generatedRootKey_isNonExtractableInsideTheToken() throws Exception {
    SecretKey key = rootKeyOf((Pkcs11KeyVault) vault);

    assertThat(key.getEncoded()).isNull();
    assertThat(key.toString()).contains("token object", "sensitive", "unextractable");
    Optional<String> listing = token.pkcs11Tool("--list-objects", "--type", "secrkey");
    listing.ifPresent(
        text ->
            assertThat(text)
                .contains("label:      " + Pkcs11Settings.DEFAULT_KEY_LABEL)
                .contains("sensitive", "always sensitive", "never extractable", "local")
                .doesNotContain("wrap"));
  }

  @Test
  void open_wrongPin_isUnauthenticated(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path wrongPin = tmp.resolve("wrong.pin");
    Files.writeString(wrongPin, "not-the-pin\n", UTF_8);
    Files.setPosixFilePermissions(wrongPin, PosixFilePermissions.fromString("rw-------"));

    // PKCS#11 login state is per process and token: use a token this JVM never logged in to.
    SoftHsmToken fresh = SoftHsmToken.fresh();

    assertThatThrownBy(
            () -> Pkcs11KeyVault.open(new Pkcs11Settings(fresh.library(), fresh.slot(), wrongPin)))
        .isInstanceOf(CordonException.Unauthenticated.class)
        .hasMessage("the PIN does not log in to the token");
  }

  @Test
  void open_pinFileReadableByOthers_isRefused(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path pin = tmp.resolve("open.pin");
    Files.writeString(pin, token.userPin(), UTF_8);
    Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(
            () -> Pkcs11KeyVault.open(new Pkcs11Settings(token.library(), token.slot(), pin)))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void open_missingLibrary_isUnavailable(@org.junit.jupiter.api.io.TempDir Path tmp) {
    assertThatThrownBy(
            () ->
                Pkcs11KeyVault.open(
                    new Pkcs11Settings(tmp.resolve("no-such.so"), token.slot(), token.pinFile())))
        .isInstanceOf(CordonException.Unavailable.class);
  }

  @Test
  void decrypt_sealedVaultCiphertext_failsWithIntegrityViolation(
      @org.junit.jupiter.api.io.TempDir Path data) {
    byte[] foreign;
    try (KeyVault sealed = SealedFileKeyVault.create(data, Sealing.insecureDevelopmentKey())) {
      foreign = sealed.encrypt("x".getBytes(UTF_8), new byte[0]);
    }

    assertThatThrownBy(() -> vault.decrypt(foreign, new byte[0]))
        .isInstanceOf(CordonException.IntegrityViolation.class);
  }

  private static SecretKey rootKeyOf(Pkcs11KeyVault vault) throws ReflectiveOperationException {
    Field field = Pkcs11KeyVault.class.getDeclaredField("rootKey");
    field.setAccessible(true);
    return (SecretKey) field.get(vault);
  }
}
