package io.cordon.store.keys;

import io.cordon.context.CordonException;
import io.cordon.crypto.KeyVault;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * A {@link KeyVault} whose random 256-bit root key lives in memory and, at rest, only sealed in
 * {@code DATA/keys/root.sealed} (AES-256-GCM, NIST SP 800-38D, under a sealing key from a {@link
 * Sealing}: Argon2id of a passphrase per RFC 9106, a key file kept outside the data directory, or,
 * for development only, {@code DATA/root.key}). Ciphertexts are {@code 0x01 ‖ nonce ‖ ciphertext ‖
 * tag}, the same format as {@link Pkcs11KeyVault}.
 *
 * <p>Thread-safe. Closing drops the key; later calls fail as {@code Unavailable}.
 */
public final class SealedFileKeyVault implements KeyVault {
  static final String SEALED_FILE = "keys/root.sealed";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey rootKey;
  private volatile boolean closed;

  private SealedFileKeyVault(byte[] rootKey) {
    this.rootKey = new SecretKeySpec(rootKey, "AES");
  }

  /**
   * Generates a root key and seals it into {@code DATA/keys/root.sealed}.
   *
   * @throws CordonException.Conflict if a sealed root key already exists
   */
  public static SealedFileKeyVault create(Path dataDir, Sealing sealing) {
    Path target = dataDir.resolve(SEALED_FILE);
    if (Files.exists(target)) {
      throw new CordonException.Conflict("a sealed root key already exists in " + SEALED_FILE);
    }
    byte[] salt = new byte[SealedRootKeyFile.SALT_BYTES];
    Optional<Argon2Settings> kdf = Optional.empty();
    if (sealing instanceof Sealing.Passphrase p) {
      RANDOM.nextBytes(salt);
      kdf = Optional.of(p.kdf());
    } else {
      salt = new byte[0];
    }
    byte[] nonce = new byte[GcmEnvelope.NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] rootKey = new byte[SealedRootKeyFile.KEY_BYTES];
    RANDOM.nextBytes(rootKey);
    byte[] sealingKey = null;
    try {
      OwnerOnlyFiles.createDirectory(target.getParent());
      sealingKey = sealingKey(sealing, dataDir, salt, kdf, true);
      SealedRootKeyFile header =
          new SealedRootKeyFile(sealing.code(), kdf, salt, nonce, new byte[0]);
      byte[] sealed =
          cipher(Cipher.ENCRYPT_MODE, sealingKey, nonce, header.associatedData()).doFinal(rootKey);
      SealedRootKeyFile file = new SealedRootKeyFile(sealing.code(), kdf, salt, nonce, sealed);
      OwnerOnlyFiles.createNew(target, file.serialize());
      return new SealedFileKeyVault(rootKey);
    } catch (FileAlreadyExistsException e) {
      throw new CordonException.Conflict("a sealed root key already exists in " + SEALED_FILE);
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot write " + SEALED_FILE, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    } finally {
      zero(rootKey);
      zero(sealingKey);
    }
  }

  /**
   * Unseals the root key from {@code DATA/keys/root.sealed}.
   *
   * @throws CordonException.Unauthenticated if the passphrase or key file is not the sealing one
   * @throws CordonException.InvalidInput if the file is corrupt, truncated or of another mode
   * @throws CordonException.NotFound if there is no sealed root key yet
   */
  public static SealedFileKeyVault open(Path dataDir, Sealing sealing) {
    SealedRootKeyFile file = SealedRootKeyFile.parse(read(dataDir.resolve(SEALED_FILE)));
    if (!file.mode().equals(sealing.code())) {
      throw new CordonException.InvalidInput(
          SEALED_FILE + " is sealed in mode " + file.mode() + ", not " + sealing.code());
    }
    byte[] sealingKey = sealingKey(sealing, dataDir, file.salt(), file.kdf(), false);
    byte[] rootKey = null;
    try {
      rootKey =
          cipher(Cipher.DECRYPT_MODE, sealingKey, file.nonce(), file.associatedData())
              .doFinal(file.sealedKey());
      return new SealedFileKeyVault(rootKey);
    } catch (AEADBadTagException e) {
      throw new CordonException.Unauthenticated(
          "the " + secretName(sealing) + " does not unseal the root key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    } finally {
      zero(rootKey);
      zero(sealingKey);
    }
  }

  @Override
  public String kind() {
    return "sealed";
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    return GcmEnvelope.seal(key(), null, plaintext, associatedData);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    return GcmEnvelope.open(key(), null, ciphertext, associatedData);
  }

  @Override
  public void close() {
    closed = true;
    try {
      rootKey.destroy();
    } catch (DestroyFailedException e) {
      // SecretKeySpec may not support destroy; the key becomes unreachable with this object.
    }
  }

  @Override
  public String toString() {
    return "SealedFileKeyVault[" + (closed ? "closed" : "open") + "]";
  }

  private SecretKey key() {
    if (closed) {
      throw new CordonException.Unavailable("the key vault is closed", null);
    }
    return rootKey;
  }

  private static byte[] sealingKey(
      Sealing sealing, Path dataDir, byte[] salt, Optional<Argon2Settings> kdf, boolean create) {
    return switch (sealing) {
      case Sealing.Passphrase p -> SealingKeys.fromPassphrase(p, salt, kdf.orElseThrow());
      case Sealing.KeyFile k -> SealingKeys.fromKeyFile(k, dataDir, create);
      case Sealing.InsecureDevelopmentKey d -> SealingKeys.fromDevelopmentKey(dataDir, create);
    };
  }

  private static Cipher cipher(int mode, byte[] sealingKey, byte[] nonce, byte[] header)
      throws GeneralSecurityException {
    return GcmEnvelope.cipher(mode, new SecretKeySpec(sealingKey, "AES"), null, nonce, header);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CordonException.NotFound("there is no sealed root key in " + SEALED_FILE);
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot read " + SEALED_FILE, e);
    }
  }

  private static String secretName(Sealing sealing) {
    return sealing instanceof Sealing.Passphrase ? "passphrase" : "key file";
  }

  private static void zero(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
