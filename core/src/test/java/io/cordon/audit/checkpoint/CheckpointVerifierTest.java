package io.cordon.audit.checkpoint;

import static io.cordon.audit.checkpoint.GoNoteVectors.SUMDB_CHECKPOINT;
import static io.cordon.audit.checkpoint.GoNoteVectors.SUMDB_ORIGIN;
import static io.cordon.audit.checkpoint.GoNoteVectors.SUMDB_VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.tree.MerkleHashes;
import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointVerifierTest {
  private static final String ORIGIN = "cordon/install-1";
  private static final Ed25519NoteSigner KEY = Ed25519NoteSigner.generate(ORIGIN);
  private static final Ed25519NoteSigner OTHER = Ed25519NoteSigner.generate(ORIGIN);
  private static final Ed25519NoteSigner WITNESS = Ed25519NoteSigner.generate("witness.example");
  private static final Checkpoint CHECKPOINT =
      new Checkpoint(ORIGIN, 1234, MerkleHashes.leafHash(new byte[] {7}));

  private final CheckpointVerifier verifier = new CheckpointVerifier(KEY.verifierKey());
  private final String signed = new CheckpointSigner(KEY).sign(CHECKPOINT);

  @Test
  void verify_realSumGolangOrgCheckpoint_isVerified() {
    CheckpointVerifier sumdb =
        new CheckpointVerifier(
            VerifierKey.parse(SUMDB_VERIFIER), SUMDB_ORIGIN, NoteLimits.DEFAULTS);

    CheckpointResult result = sumdb.verify(bytes(SUMDB_CHECKPOINT));

    assertThat(result).isInstanceOf(CheckpointResult.Verified.class);
    Checkpoint checkpoint = ((CheckpointResult.Verified) result).checkpoint();
    assertThat(checkpoint.treeSize()).isEqualTo(6_476_701L);
    assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash()))
        .isEqualTo("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=");
    assertRejected(
        new CheckpointVerifier(VerifierKey.parse(SUMDB_VERIFIER), "Go rocks", NoteLimits.DEFAULTS)
            .verify(bytes(SUMDB_CHECKPOINT)));
    assertRejected(sumdb.verify(bytes(SUMDB_CHECKPOINT.replace("6476701", "6476702"))));
  }

  @Test
  void sign_thenVerify_roundTrips() {
    assertThat(signed).startsWith(CHECKPOINT.body() + "\n\u2014 " + ORIGIN + " ");
    assertThat(verifier.verify(bytes(signed))).isEqualTo(new CheckpointResult.Verified(CHECKPOINT));
  }

  @Test
  void verify_unknownCosignatures_areIgnored() {
    String cosignature = SignedNote.sign(CHECKPOINT.body(), WITNESS).signatures().get(0).line();
    String sameNameOtherKey = SignedNote.sign(CHECKPOINT.body(), OTHER).signatures().get(0).line();

    assertThat(verifier.verify(bytes(signed + cosignature)).isVerified()).isTrue();
    assertThat(verifier.verify(bytes(signed + sameNameOtherKey)).isVerified()).isTrue();
    assertThat(
            verifier
                .verify(bytes(signed + signed.substring(signed.indexOf('\u2014'))))
                .isVerified())
        .isTrue();
  }

  @Test
  void verify_signedByUnknownKeysOnly_isRejected() {
    assertRejected(verifier.verify(bytes(new CheckpointSigner(OTHER).sign(CHECKPOINT))));
    String witnessOnly = SignedNote.sign(CHECKPOINT.body(), WITNESS).encoded();
    assertRejected(verifier.verify(bytes(witnessOnly)));
  }

  @Test
  void verify_badSignature_isRejected_evenBesideAGoodOne() {
    byte[] note = bytes(signed);
    int lastBase64Char = note.length - 3;
    note[lastBase64Char] = (byte) (note[lastBase64Char] == 'A' ? 'B' : 'A');
    assertRejected(verifier.verify(note));

    String forged = signed.replace("\n1234\n", "\n1235\n");
    assertRejected(verifier.verify(bytes(forged)));
    // The trusted key's signature over another text, beside its good one.
    Checkpoint other = new Checkpoint(ORIGIN, 1235, CHECKPOINT.rootHash());
    String otherSignature = SignedNote.sign(other.body(), KEY).signatures().get(0).line();
    assertRejected(verifier.verify(bytes(signed + otherSignature)));
  }

  @Test
  void verify_validlySignedButMalformedBody_isRejected() {
    // The signature holds, but the text is not a canonical checkpoint of three lines.
    for (String body :
        new String[] {
          ORIGIN + "\n01234\n" + root64() + "\n",
          ORIGIN + "\n1234\n" + root64() + "\n\n",
          ORIGIN + "\n\n1234\n" + root64() + "\n",
          ORIGIN + "\n1234\n" + root64() + "\nextension\n",
          ORIGIN + "\n1234\n" + root64().replace("=", "") + "\n",
        }) {
      assertRejected(verifier.verify(bytes(SignedNote.sign(body, KEY).encoded())));
    }
  }

  @Test
  void verify_malformedNotes_areRejected() {
    for (String note :
        new String[] {
          "",
          CHECKPOINT.body(),
          CHECKPOINT.body() + "\n",
          signed + "\n",
          signed.replace("\n\n", "\n\n\n"),
          signed.substring(0, signed.length() - 1),
          signed.replace("\n", "\r\n"),
          signed + "trailing\n",
        }) {
      assertRejected(verifier.verify(bytes(note)));
    }
    assertRejected(verifier.verify(null));
  }

  @Test
  void verify_oversizeNote_isRejectedBeforeParsing() {
    CheckpointVerifier strict =
        new CheckpointVerifier(KEY.verifierKey(), ORIGIN, new NoteLimits(100, 16));
    assertRejected(strict.verify(bytes(signed)));
    byte[] huge = new byte[NoteLimits.DEFAULTS.maxNoteBytes() + 1];
    assertRejected(verifier.verify(huge));
  }

  @Test
  void verify_checkpointOfAnotherOrigin_isRejected() {
    Ed25519NoteSigner foreign = Ed25519NoteSigner.generate("cordon/install-2");
    String note =
        new CheckpointSigner(foreign)
            .sign(new Checkpoint("cordon/install-2", 5, MerkleHashes.emptyRoot()));
    CheckpointVerifier trustingForeignKeyForOurOrigin =
        new CheckpointVerifier(foreign.verifierKey(), ORIGIN, NoteLimits.DEFAULTS);

    assertRejected(trustingForeignKeyForOurOrigin.verify(bytes(note)));
  }

  @Test
  void sign_checkpointOfAnotherOrigin_isRefused() {
    Checkpoint foreign = new Checkpoint("cordon/install-2", 5, MerkleHashes.emptyRoot());
    assertThatThrownBy(() -> new CheckpointSigner(KEY).sign(foreign))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  private static String root64() {
    return Base64.getEncoder().encodeToString(CHECKPOINT.rootHash());
  }

  private static byte[] bytes(String note) {
    return note.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRejected(CheckpointResult result) {
    assertThat(result).isInstanceOf(CheckpointResult.Rejected.class);
  }
}
