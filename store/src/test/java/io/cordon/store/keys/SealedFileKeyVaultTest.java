package io.cordon.store.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyVault;
import io.cordon.testing.KeyVaultContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedFileKeyVaultTest {
  /** Cheap Argon2id costs for tests; the defaults are exercised once, below. */
  private static final Argon2Settings CHEAP = new Argon2Settings(1024, 1, 1);

  @TempDir Path tmp;
  private Path data;
  private Path secrets;

  @BeforeEach
  void directories() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    secrets = Files.createDirectories(tmp.resolve("secrets"));
  }

  private static Sealing passphrase(String passphrase) {
    return new Sealing.Passphrase(Secret.ofChars(passphrase.toCharArray()), CHEAP);
  }

  private static KeyVault createOrOpen(Path data, Sealing sealing) {
    return Files.exists(data.resolve(SealedFileKeyVault.SEALED_FILE))
        ? SealedFileKeyVault.open(data, sealing)
        : SealedFileKeyVault.create(data, sealing);
  }

  @Nested
  class PassphraseSealed extends KeyVaultContract {
    @Override
    protected KeyVault openVault() {
      return createOrOpen(data, passphrase("correct horse battery staple"));
    }
  }

  @Nested
  class KeyFileSealed extends KeyVaultContract {
    @Override
    protected KeyVault openVault() {
      return createOrOpen(data, Sealing.keyFile(secrets.resolve("cordon.key")));
    }
  }

  @Nested
  class DevelopmentKeySealed extends KeyVaultContract {
    @Override
    protected KeyVault openVault() {
      return createOrOpen(data, Sealing.insecureDevelopmentKey());
    }
  }

  @Test
  void create_defaultArgon2Settings_recordsThemAndReopens() throws IOException {
    Sealing sealing = Sealing.passphrase(Secret.ofChars("a long passphrase".toCharArray()));
    byte[] ciphertext;
    try (KeyVault vault = SealedFileKeyVault.create(data, sealing)) {
      ciphertext = vault.encrypt("x".getBytes(UTF_8), new byte[0]);
    }

    String sealed = Files.readString(data.resolve(SealedFileKeyVault.SEALED_FILE));
    assertThat(sealed)
        .contains("mode=passphrase", "kdf=argon2id", "argon2id.memory-kib=65536")
        .contains("argon2id.iterations=3", "argon2id.parallelism=1", "salt=", "nonce=")
        .doesNotContain("a long passphrase");
    try (KeyVault vault = SealedFileKeyVault.open(data, sealing)) {
      assertThat(vault.decrypt(ciphertext, new byte[0])).asString(UTF_8).isEqualTo("x");
    }
  }

  @Test
  void open_wrongPassphrase_isUnauthenticated() {
    SealedFileKeyVault.create(data, passphrase("right")).close();

    assertThatThrownBy(() -> SealedFileKeyVault.open(data, passphrase("wrong")))
        .isInstanceOf(CordonException.Unauthenticated.class)
        .hasMessage("the passphrase does not unseal the root key")
        .hasNoCause();
  }

  @Test
  void open_wrongKeyFile_isUnauthenticated() throws IOException {
    SealedFileKeyVault.create(data, Sealing.keyFile(secrets.resolve("a.key"))).close();
    SealingKeys.fromKeyFile(new Sealing.KeyFile(secrets.resolve("b.key")), data, true);

    assertThatThrownBy(
            () -> SealedFileKeyVault.open(data, Sealing.keyFile(secrets.resolve("b.key"))))
        .isInstanceOf(CordonException.Unauthenticated.class)
        .hasMessage("the key file does not unseal the root key");
  }

  @Test
  void create_sealedFileExists_isConflict() {
    SealedFileKeyVault.create(data, Sealing.insecureDevelopmentKey()).close();

    assertThatThrownBy(() -> SealedFileKeyVault.create(data, passphrase("other")))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void create_keyFileInsideDataDir_isRefused() throws IOException {
    Path inside = Files.createDirectories(data.resolve("etc")).resolve("cordon.key");

    assertThatThrownBy(() -> SealedFileKeyVault.create(data, Sealing.keyFile(inside)))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("outside the data directory");
    assertThat(inside).doesNotExist();
    assertThat(data.resolve(SealedFileKeyVault.SEALED_FILE)).doesNotExist();
  }

  @Test
  void create_keyFileLinkedIntoDataDir_isRefused() throws IOException {
    Path link = secrets.resolve("data-link");
    Files.createSymbolicLink(link, data);

    assertThatThrownBy(
            () -> SealedFileKeyVault.create(data, Sealing.keyFile(link.resolve("cordon.key"))))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void create_absentKeyFile_createsOwnerOnly32RandomBytes() throws IOException {
    Path keyFile = secrets.resolve("cordon.key");

    SealedFileKeyVault.create(data, Sealing.keyFile(keyFile)).close();

    assertThat(Files.size(keyFile)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(data.resolve(SealedFileKeyVault.SEALED_FILE)))
        .contains("mode=key-file", "kdf=none");
  }

  @Test
  void open_keyFileReadableByOthers_isRefused() throws IOException {
    Path keyFile = secrets.resolve("cordon.key");
    SealedFileKeyVault.create(data, Sealing.keyFile(keyFile)).close();
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> SealedFileKeyVault.open(data, Sealing.keyFile(keyFile)))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("owner only");
  }

  @Test
  void create_developmentKey_writesOwnerOnlyRootKeyInDataDir() throws IOException {
    SealedFileKeyVault.create(data, Sealing.insecureDevelopmentKey()).close();

    Path rootKey = data.resolve("root.key");
    assertThat(Files.size(rootKey)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rootKey)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(data.resolve(SealedFileKeyVault.SEALED_FILE)))
        .contains("mode=development");
  }

  @Test
  void open_truncatedSealedFile_isInvalidInputAtEveryLength() throws IOException {
    SealedFileKeyVault.create(data, Sealing.insecureDevelopmentKey()).close();
    Path file = data.resolve(SealedFileKeyVault.SEALED_FILE);
    byte[] whole = Files.readAllBytes(file);

    for (int length = 0; length < whole.length - 1; length++) {
      Files.write(file, Arrays.copyOf(whole, length));
      assertThatThrownBy(() -> SealedFileKeyVault.open(data, Sealing.insecureDevelopmentKey()))
          .as("truncated to %d bytes", length)
          .isInstanceOf(CordonException.InvalidInput.class)
          .hasMessageContaining("corrupt or truncated");
    }
  }

  @Test
  void open_garbageSealedFile_isInvalidInput() throws IOException {
    SealedFileKeyVault.create(data, Sealing.insecureDevelopmentKey()).close();
    Files.write(data.resolve(SealedFileKeyVault.SEALED_FILE), new byte[] {(byte) 0xff, 0, 1});

    assertThatThrownBy(() -> SealedFileKeyVault.open(data, Sealing.insecureDevelopmentKey()))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void open_alteredKdfParameters_failsToUnseal() throws IOException {
    SealedFileKeyVault.create(data, passphrase("pass")).close();
    Path file = data.resolve(SealedFileKeyVault.SEALED_FILE);
    Files.writeString(
        file, Files.readString(file).replace("argon2id.iterations=1", "argon2id.iterations=2"));

    assertThatThrownBy(() -> SealedFileKeyVault.open(data, passphrase("pass")))
        .isInstanceOf(CordonException.Unauthenticated.class);
  }

  @Test
  void open_otherMode_isInvalidInput() {
    SealedFileKeyVault.create(data, passphrase("pass")).close();

    assertThatThrownBy(() -> SealedFileKeyVault.open(data, Sealing.insecureDevelopmentKey()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("passphrase");
  }

  @Test
  void open_noSealedFile_isNotFound() {
    assertThatThrownBy(() -> SealedFileKeyVault.open(data, passphrase("pass")))
        .isInstanceOf(CordonException.NotFound.class);
  }
}
