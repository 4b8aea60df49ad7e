package io.cordon.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.cordon.context.CordonException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The upper half of the key hierarchy (ARCHITECTURE.md, "Storage and keys"): keysets such as
 * workspace KEKs are Tink AES256_GCM keysets (NIST SP 800-38D), stored only wrapped by the root key
 * in a {@link KeyVault}, with associated data binding each wrapped keyset to its id and purpose.
 *
 * <p>Rotation adds a new primary key and keeps older keys for decryption; it never re-encrypts
 * content (callers re-wrap data keys with {@link DataKeys#rewrap}). Destruction drops the key
 * material for good (crypto-shredding). Unwrapped keysets live only in a small bounded cache in
 * memory. Thread-safe.
 */
public final class KeyHierarchy {
  /** Loading this class registers Tink's key managers before any key is generated. */
  private static final Configuration TINK = TinkRuntime.configuration();

  private static final int CACHE_SIZE = 256;

  private final RootKeyAead root;
  private final Clock clock;
  private final UnwrappedKeysetCache cache = new UnwrappedKeysetCache(CACHE_SIZE);

  public KeyHierarchy(KeyVault vault, Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("no clock");
    }
    this.root = new RootKeyAead(vault);
    this.clock = clock;
  }

  /** A new single-key AES256_GCM keyset for {@code purpose}, wrapped by the root key. */
  public KeysetRecord newKeyset(String purpose) {
    checkPurpose(purpose);
    KeysetId id = KeysetId.random();
    try {
      KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      Instant now = clock.instant();
      return record(id, purpose, handle, now, now);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not generate an AES256_GCM keyset", e);
    }
  }

  /**
   * The keyset as an {@link Aead} (all its keys decrypt, the primary encrypts).
   *
   * @throws CordonException.NotFound if the keyset was destroyed
   * @throws CordonException.IntegrityViolation if the wrapped keyset does not unwrap
   */
  public Aead aead(KeysetRecord keyset) {
    return cache.get(keyset, () -> primitive(unwrap(keyset)));
  }

  /**
   * Adds a new AES256_GCM key as the primary; earlier keys stay for decryption. Store the returned
   * record with {@link Keysets#update}.
   */
  public KeysetRecord rotate(KeysetRecord keyset) {
    KeysetHandle current = unwrap(keyset);
    try {
      KeysetHandle rotated =
          KeysetHandle.newBuilder(current)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
      cache.evict(keyset.id());
      return record(keyset.id(), keyset.purpose(), rotated, keyset.created(), clock.instant());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not add a key to the keyset", e);
    }
  }

  /**
   * Crypto-shredding: the returned record has status DESTROYED and no key material, and the
   * unwrapped keyset leaves the cache. Once stored with {@link Keysets#update}, everything
   * encrypted under the keyset is unrecoverable. Idempotent.
   */
  public KeysetRecord destroy(KeysetRecord keyset) {
    cache.evict(keyset.id());
    return new KeysetRecord(
        keyset.id(),
        keyset.purpose(),
        Optional.empty(),
        keyset.primaryKeyId(),
        KeysetStatus.DESTROYED,
        keyset.created(),
        keyset.rotated());
  }

  private KeysetHandle unwrap(KeysetRecord keyset) {
    if (keyset.status() == KeysetStatus.DESTROYED || keyset.wrapped().isEmpty()) {
      throw new CordonException.NotFound(
          "keyset "
              + keyset.id()
              + " has been destroyed; data encrypted under it cannot be recovered");
    }
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(
          keyset.wrapped().orElseThrow(),
          root,
          wrappingAssociatedData(keyset.id(), keyset.purpose()),
          TINK);
    } catch (GeneralSecurityException e) {
      throw DecryptionFailure.violation();
    }
  }

  private KeysetRecord record(
      KeysetId id, String purpose, KeysetHandle handle, Instant created, Instant rotated)
      throws GeneralSecurityException {
    byte[] wrapped =
        TinkProtoKeysetFormat.serializeEncryptedKeyset(
            handle, root, wrappingAssociatedData(id, purpose), TINK);
    return new KeysetRecord(
        id,
        purpose,
        Optional.of(wrapped),
        Integer.toUnsignedLong(handle.getPrimary().getId()),
        KeysetStatus.ENABLED,
        created,
        rotated);
  }

  private static Aead primitive(KeysetHandle handle) {
    try {
      return handle.getPrimitive(TINK, Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keyset is not an AEAD keyset", e);
    }
  }

  private static byte[] wrappingAssociatedData(KeysetId id, String purpose) {
    return AssociatedData.of(AssociatedData.KEYSET, id.value(), purpose);
  }

  private static void checkPurpose(String purpose) {
    if (purpose == null || !purpose.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new CordonException.InvalidInput("keyset purpose must be a short lowercase name");
    }
  }
}
