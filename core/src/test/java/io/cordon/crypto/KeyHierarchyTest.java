package io.cordon.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyHierarchyTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final InMemoryKeyVault vault = new InMemoryKeyVault();
  private final CountingKeyVault counting = new CountingKeyVault(vault);
  private final KeyHierarchy keys = new KeyHierarchy(counting, Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void newKeyset_anyPurpose_isEnabledWrappedAndUsable() throws Exception {
    KeysetRecord kek = keys.newKeyset("workspace-kek");

    assertThat(kek.status()).isEqualTo(KeysetStatus.ENABLED);
    assertThat(kek.purpose()).isEqualTo("workspace-kek");
    assertThat(kek.created()).isEqualTo(T0);
    assertThat(kek.wrapped()).isPresent();
    Aead aead = keys.aead(kek);
    assertThat(aead.decrypt(aead.encrypt("hello".getBytes(UTF_8), new byte[0]), new byte[0]))
        .asString(UTF_8)
        .isEqualTo("hello");
  }

  @Test
  void newKeyset_wrappedBytes_neverContainRawKeyMaterial() throws Exception {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    byte[] wrapped = kek.wrapped().orElseThrow();
    byte[] kekBytes =
        ((AesGcmKey) unwrapForInspection(kek).getPrimary().getKey())
            .getKeyBytes()
            .toByteArray(InsecureSecretKeyAccess.get());

    assertThat(indexOf(wrapped, kekBytes)).isEqualTo(-1);
    assertThat(indexOf(wrapped, vault.rawKeyForTests())).isEqualTo(-1);

    FileId file = FileId.random();
    DataKey dek = DataKeys.newDataKey(keys.aead(kek), file, "v_1");
    KeysetHandle dekHandle =
        TinkProtoKeysetFormat.parseEncryptedKeyset(
            dek.wrapped(),
            keys.aead(kek),
            AssociatedData.of(AssociatedData.DATA_KEY, file.value(), "v_1"));
    byte[] dekBytes =
        ((AesGcmHkdfStreamingKey) dekHandle.getPrimary().getKey())
            .getInitialKeyMaterial()
            .toByteArray(InsecureSecretKeyAccess.get());
    assertThat(indexOf(dek.wrapped(), dekBytes)).isEqualTo(-1);
    assertThat(indexOf(dek.wrapped(), kekBytes)).isEqualTo(-1);
  }

  @Test
  void aead_recordWithAnotherPurpose_failsWithIntegrityViolation() {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    KeysetRecord relabelled =
        new KeysetRecord(
            kek.id(),
            "system-secrets",
            kek.wrapped(),
            kek.primaryKeyId(),
            kek.status(),
            kek.created(),
            kek.rotated());

    assertThatThrownBy(() -> keys.aead(relabelled))
        .isInstanceOf(CordonException.IntegrityViolation.class)
        .hasMessage(DecryptionFailure.MESSAGE);
  }

  @Test
  void aead_tamperedWrappedKeyset_failsWithIntegrityViolation() {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    byte[] wrapped = kek.wrapped().orElseThrow();
    wrapped[wrapped.length / 2] ^= 1;
    KeysetRecord tampered =
        new KeysetRecord(
            kek.id(),
            kek.purpose(),
            Optional.of(wrapped),
            kek.primaryKeyId(),
            kek.status(),
            kek.created(),
            kek.rotated());

    assertThatThrownBy(() -> keys.aead(tampered))
        .isInstanceOf(CordonException.IntegrityViolation.class)
        .hasMessage(DecryptionFailure.MESSAGE);
  }

  @Test
  void aead_sameRecordTwice_unwrapsOnce() {
    KeysetRecord kek = keys.newKeyset("workspace-kek");

    keys.aead(kek);
    keys.aead(kek);

    assertThat(counting.decryptions()).isEqualTo(1);
  }

  @Test
  void rotate_enabledKeyset_addsPrimaryAndKeepsOldKeys() throws Exception {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    byte[] before = keys.aead(kek).encrypt("old".getBytes(UTF_8), new byte[0]);

    KeysetRecord rotated = keys.rotate(kek);

    assertThat(rotated.id()).isEqualTo(kek.id());
    assertThat(rotated.primaryKeyId()).isNotEqualTo(kek.primaryKeyId());
    assertThat(unwrapForInspection(rotated).size()).isEqualTo(2);
    assertThat(keys.aead(rotated).decrypt(before, new byte[0])).asString(UTF_8).isEqualTo("old");
  }

  @Test
  void rotate_dataKeyWrappedBefore_opensAfterAndRewrapsUnderNewPrimary() throws Exception {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    FileId file = FileId.random();
    DataKey dek = DataKeys.newDataKey(keys.aead(kek), file, "v_1");
    byte[] content = StreamingFixtures.encrypt(dek.streamingAead(), file, "v_1", 3000);

    KeysetRecord rotated = keys.rotate(kek);
    Aead newKek = keys.aead(rotated);
    byte[] rewrapped = DataKeys.rewrapDataKey(newKek, file, "v_1", dek.wrapped());

    assertThat(
            StreamingFixtures.decrypt(
                DataKeys.openDataKey(newKek, file, "v_1", dek.wrapped()), file, "v_1", content))
        .hasSize(3000);
    assertThat(
            StreamingFixtures.decrypt(
                DataKeys.openDataKey(newKek, file, "v_1", rewrapped), file, "v_1", content))
        .hasSize(3000);
    // Only the new primary key can open the re-wrapped key: the old keyset alone cannot.
    assertThatThrownBy(() -> DataKeys.openDataKey(keys.aead(kek), file, "v_1", rewrapped))
        .isInstanceOf(CordonException.IntegrityViolation.class)
        .hasMessage(DecryptionFailure.MESSAGE);
  }

  @Test
  void destroy_enabledKeyset_dropsKeyMaterialAndOpeningFailsClearly() {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    keys.aead(kek);

    KeysetRecord destroyed = keys.destroy(kek);

    assertThat(destroyed.status()).isEqualTo(KeysetStatus.DESTROYED);
    assertThat(destroyed.wrapped()).isEmpty();
    assertThatThrownBy(() -> keys.aead(destroyed))
        .isInstanceOf(CordonException.NotFound.class)
        .hasMessageContaining("destroyed")
        .hasMessageContaining("cannot be recovered");
    assertThatThrownBy(() -> keys.rotate(destroyed)).isInstanceOf(CordonException.NotFound.class);
  }

  @Test
  void destroy_cachedKeyset_evictsFromCache() {
    KeysetRecord kek = keys.newKeyset("workspace-kek");
    keys.aead(kek);

    keys.destroy(kek);
    keys.aead(kek); // the stale record still holds bytes; the point is that memory did not

    assertThat(counting.decryptions()).isEqualTo(2);
  }

  @Test
  void newKeyset_malformedPurpose_isRejected() {
    assertThatThrownBy(() -> keys.newKeyset("Workspace KEK"))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  private KeysetHandle unwrapForInspection(KeysetRecord keyset) throws Exception {
    return TinkProtoKeysetFormat.parseEncryptedKeyset(
        keyset.wrapped().orElseThrow(),
        new RootKeyAead(vault),
        AssociatedData.of(AssociatedData.KEYSET, keyset.id().value(), keyset.purpose()));
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
