package io.cordon.store.keys;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Derives or loads the 256-bit key that seals the root key, for each {@link Sealing} mode. */
final class SealingKeys {
  static final String DEVELOPMENT_KEY_FILE = "root.key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SealingKeys() {}

  /** Argon2id (RFC 9106, version 0x13) of the passphrase; zero the result after use. */
  static byte[] fromPassphrase(Sealing.Passphrase sealing, byte[] salt, Argon2Settings kdf) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(kdf.memoryKiB())
            .withIterations(kdf.iterations())
            .withParallelism(kdf.parallelism())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] passphrase = sealing.passphrase().bytes();
    byte[] key = new byte[SealedRootKeyFile.KEY_BYTES];
    try {
      generator.generateBytes(passphrase, key);
      return key;
    } finally {
      Arrays.fill(passphrase, (byte) 0);
      parameters.clear();
    }
  }

  /**
   * The key file's 32 bytes; on create, a missing key file is made (mode 0600). A key file inside
   * the data directory is refused: it would travel with every copy of the data it protects.
   */
  static byte[] fromKeyFile(Sealing.KeyFile sealing, Path dataDir, boolean create) {
    Path file = sealing.path();
    try {
      if (OwnerOnlyFiles.isInside(file, dataDir)) {
        throw new CordonException.InvalidInput(
            "the key file must lie outside the data directory, on other storage");
      }
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot resolve the key file's location", e);
    }
    return load(file, create, "key file");
  }

  /** DEVELOPMENT ONLY: the sealing key in {@code DATA/root.key}. */
  static byte[] fromDevelopmentKey(Path dataDir, boolean create) {
    return load(dataDir.resolve(DEVELOPMENT_KEY_FILE), create, "development key file root.key");
  }

  private static byte[] load(Path file, boolean create, String what) {
    if (create && !Files.exists(file)) {
      byte[] key = new byte[SealedRootKeyFile.KEY_BYTES];
      RANDOM.nextBytes(key);
      try {
        OwnerOnlyFiles.createNew(file, key);
        return key;
      } catch (FileAlreadyExistsException e) {
        Arrays.fill(key, (byte) 0); // lost a race with another creator: use theirs
      } catch (IOException e) {
        Arrays.fill(key, (byte) 0);
        throw new CordonException.Unavailable("cannot create the " + what, e);
      }
    }
    return OwnerOnlyFiles.readKey(file, SealedRootKeyFile.KEY_BYTES, what);
  }
}
