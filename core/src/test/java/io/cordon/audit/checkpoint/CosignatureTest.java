package io.cordon.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * Cosignatures byte for byte against c2sp.org/tlog-cosignature, with the expected values computed
 * here from the specification's text with BouncyCastle's Ed25519 and the JDK's SHA-256, never with
 * the production code.
 */
class CosignatureTest {
  private static final String NAME = "witness.example.com/w1";
  private static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final String BODY =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  private static final long TIME = 1679315147L;

  private static Ed25519Cosigner cosigner() {
    return Ed25519Cosigner.fromSeed(NAME, Secret.of(SEED));
  }

  private static byte[] publicKey() {
    return new Ed25519PrivateKeyParameters(SEED, 0).generatePublicKey().getEncoded();
  }

  @Test
  void keyId_isSha256OfNameNewlineType04AndKey_firstFourBytes() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(NAME.getBytes(StandardCharsets.UTF_8));
    sha.update(new byte[] {'\n', 0x04});
    sha.update(publicKey());
    int expected = ByteBuffer.wrap(sha.digest()).getInt();

    CosignerKey key = cosigner().key();

    assertThat(key.keyId()).isEqualTo(expected);
    byte[] typed = new byte[33];
    typed[0] = 0x04;
    System.arraycopy(publicKey(), 0, typed, 1, 32);
    assertThat(key.encoded())
        .isEqualTo(
            NAME
                + "+"
                + String.format("%08x", expected)
                + "+"
                + Base64.getEncoder().encodeToString(typed));
  }

  @Test
  void cosign_fixedKeyAndTime_matchesBouncyCastleOverTheSpecMessage() {
    String message = "cosignature/v1\ntime " + TIME + "\n" + BODY;
    Ed25519Signer bc = new Ed25519Signer();
    bc.init(true, new Ed25519PrivateKeyParameters(SEED, 0));
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    bc.update(bytes, 0, bytes.length);
    byte[] expected = ByteBuffer.allocate(72).putLong(TIME).put(bc.generateSignature()).array();

    NoteSignature cosignature = cosigner().cosign(BODY, Instant.ofEpochSecond(TIME, 999_000_000));

    assertThat(cosignature.signature()).isEqualTo(expected);
    assertThat(cosignature.keyName()).isEqualTo(NAME);
    byte[] lineBytes =
        ByteBuffer.allocate(76).putInt(cosigner().key().keyId()).put(expected).array();
    assertThat(cosignature.line())
        .isEqualTo("\u2014 " + NAME + " " + Base64.getEncoder().encodeToString(lineBytes) + "\n");
  }

  @Test
  void verify_ownCosignature_returnsItsTimestamp() {
    NoteSignature cosignature = cosigner().cosign(BODY, Instant.ofEpochSecond(TIME));

    assertThat(cosigner().key().verify(BODY, cosignature)).isEqualTo(OptionalLong.of(TIME));
  }

  @Test
  void verify_otherTextOrTimeOrKeyType_empty() {
    CosignerKey key = cosigner().key();
    NoteSignature good = cosigner().cosign(BODY, Instant.ofEpochSecond(TIME));
    byte[] laterTime = good.signature();
    laterTime[7] ^= 1;
    // The same Ed25519 key as a log key (type 0x01) has another key ID: not this cosigner's line.
    int logKeyId = VerifierKey.ed25519(NAME, publicKey()).keyId();

    assertThat(key.verify(BODY.replace("20852163", "20852164"), good)).isEmpty();
    assertThat(key.verify(BODY, new NoteSignature(NAME, key.keyId(), laterTime))).isEmpty();
    assertThat(key.verify(BODY, new NoteSignature(NAME, logKeyId, good.signature()))).isEmpty();
    assertThat(key.verify(BODY, new NoteSignature("other", key.keyId(), good.signature())))
        .isEmpty();
    assertThat(key.verify(BODY, new NoteSignature(NAME, key.keyId(), new byte[64]))).isEmpty();
  }

  @Test
  void verify_timestampAbove2To63_empty() {
    NoteSignature good = cosigner().cosign(BODY, Instant.ofEpochSecond(TIME));
    byte[] huge = good.signature();
    huge[0] = (byte) 0x80;

    assertThat(cosigner().key().verify(BODY, new NoteSignature(NAME, good.keyId(), huge)))
        .isEmpty();
  }

  @Test
  void verifyNote_logSignatureThenCosignature_findsTheCosignature() {
    Ed25519NoteSigner log = Ed25519NoteSigner.generate("example.com/behind-the-sofa");
    String note =
        SignedNote.sign(BODY, log).encoded()
            + cosigner().cosign(BODY, Instant.ofEpochSecond(TIME)).line();

    OptionalLong time =
        cosigner().key().verifyNote(note.getBytes(StandardCharsets.UTF_8), NoteLimits.DEFAULTS);

    assertThat(time).isEqualTo(OptionalLong.of(TIME));
    assertThat(new CheckpointVerifier(log.verifierKey()).verify(note.getBytes()).isVerified())
        .isTrue();
    assertThat(
            cosigner()
                .key()
                .verifyNote(SignedNote.sign(BODY, log).encoded().getBytes(), NoteLimits.DEFAULTS))
        .isEmpty();
  }

  @Test
  void parse_encodedForm_roundTrips_andRefusesLogKeysAndWrongIds() {
    CosignerKey key = cosigner().key();
    String logKey = VerifierKey.ed25519(NAME, publicKey()).encoded();
    String wrongId = NAME + "+00000000+" + key.encoded().split("\\+", 3)[2];

    assertThat(CosignerKey.parse(key.encoded())).isEqualTo(key);
    assertThatThrownBy(() -> CosignerKey.parse(logKey))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("0x04");
    assertThatThrownBy(() -> CosignerKey.parse(wrongId))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> CosignerKey.parse("no-plus"))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void message_isHeaderTimeLineAndWholeBody() {
    assertThat(new String(Cosignature.message(7, BODY), StandardCharsets.UTF_8))
        .isEqualTo("cosignature/v1\ntime 7\n" + BODY);
    assertThatThrownBy(() -> Cosignature.message(-1, BODY))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThat(Arrays.equals(Cosignature.message(0, BODY), Cosignature.message(1, BODY))).isFalse();
  }
}
