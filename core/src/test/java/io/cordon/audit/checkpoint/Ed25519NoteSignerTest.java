package io.cordon.audit.checkpoint;

import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_NOTE;
import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_SIGNER;
import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_VERIFIER;
import static io.cordon.audit.checkpoint.GoNoteVectors.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519NoteSignerTest {
  @Test
  void sign_goReferenceKey_producesGosNoteByteForByte() {
    // Ed25519 is deterministic, so the same key and text must give Go's exact output.
    Ed25519NoteSigner peter = signer(PETER_SIGNER);

    assertThat(peter.verifierKey().encoded()).isEqualTo(PETER_VERIFIER);
    assertThat(SignedNote.sign(TEXT, peter).encoded()).isEqualTo(PETER_NOTE);
  }

  @Test
  void signerKey_roundTrips() {
    Ed25519NoteSigner peter = signer(PETER_SIGNER);
    try (Secret again = peter.signerKey()) {
      assertThat(new String(again.bytes(), StandardCharsets.UTF_8)).isEqualTo(PETER_SIGNER);
    }
    Ed25519NoteSigner fresh = Ed25519NoteSigner.generate("cordon/test");
    Ed25519NoteSigner reread = Ed25519NoteSigner.fromSignerKey(fresh.signerKey());
    assertThat(reread.verifierKey()).isEqualTo(fresh.verifierKey());
  }

  @Test
  void generate_signsWhatItsVerifierKeyAccepts() {
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate("cordon/install-1");
    byte[] message = "hi\n".getBytes(StandardCharsets.UTF_8);
    byte[] signature = signer.sign(message);

    assertThat(signer.verifierKey().verifies(message, signature)).isTrue();
    signature[0] ^= 1;
    assertThat(signer.verifierKey().verifies(message, signature)).isFalse();
    signature[0] ^= 1;
    message[0] ^= 1;
    assertThat(signer.verifierKey().verifies(message, signature)).isFalse();
  }

  @Test
  void fromSignerKey_everyMangling_isRejected() {
    // As Go's TestNewSigner: every proper substring, and every single byte incremented.
    byte[] key = PETER_SIGNER.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i <= key.length; i++) {
      for (int j = i + 1; j <= key.length; j++) {
        if (i != 0 || j != key.length) {
          assertRejected(Arrays.copyOfRange(key, i, j));
        }
      }
    }
    for (int i = 0; i < key.length; i++) {
      key[i]++;
      assertRejected(key);
      key[i]--;
    }
  }

  @Test
  void fromSeed_wrongLength_isRejected() {
    assertThatThrownBy(() -> Ed25519NoteSigner.fromSeed("a", Secret.of(new byte[31])))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThat(Ed25519NoteSigner.fromSeed("a", Secret.of(new byte[32])).keyName()).isEqualTo("a");
  }

  @Test
  void toString_neverShowsTheKey() {
    Ed25519NoteSigner peter = signer(PETER_SIGNER);
    assertThat(peter.toString()).isEqualTo("Ed25519NoteSigner[PeterNeumann+c74f20a3]");
  }

  private static Ed25519NoteSigner signer(String signerKey) {
    return Ed25519NoteSigner.fromSignerKey(Secret.of(signerKey.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRejected(byte[] signerKey) {
    assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(Secret.of(signerKey)))
        .as(new String(signerKey, StandardCharsets.UTF_8))
        .isInstanceOf(CordonException.InvalidInput.class)
        .message()
        .doesNotContain("AYEKFALV");
  }
}
