package io.cordon.audit.checkpoint;

import static io.cordon.audit.checkpoint.GoNoteVectors.ENOCH_SIG;
import static io.cordon.audit.checkpoint.GoNoteVectors.ENOCH_VERIFIER;
import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_NOTE;
import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_SIG;
import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_VERIFIER;
import static io.cordon.audit.checkpoint.GoNoteVectors.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
  private static final VerifierKey PETER = VerifierKey.parse(PETER_VERIFIER);
  private static final VerifierKey ENOCH = VerifierKey.parse(ENOCH_VERIFIER);

  @Test
  void parse_goNoteWithTwoSignatures_splitsTextAndSignatures() {
    SignedNote note = parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);

    assertThat(note.text()).isEqualTo(TEXT);
    assertThat(note.signatures()).hasSize(2);
    assertThat(note.signaturesBy(PETER)).hasSize(1);
    assertThat(note.signaturesBy(ENOCH)).hasSize(1);
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    assertThat(PETER.verifies(text, note.signaturesBy(PETER).get(0).signature())).isTrue();
    assertThat(ENOCH.verifies(text, note.signaturesBy(ENOCH).get(0).signature())).isTrue();
    assertThat(note.encoded()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
  }

  @Test
  void parse_textWithBlankLines_splitsAtTheLastOne() {
    // The spec lets the text hold empty lines; the signatures start after the last blank line.
    SignedNote note = parse("a\n\nb\n\n" + PETER_SIG);
    assertThat(note.text()).isEqualTo("a\n\nb\n");
  }

  @Test
  void parse_goMalformedNotes_areRejected() {
    String badName =
        "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
    for (String bad :
        new String[] {
          TEXT,
          TEXT + "\n",
          TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
          "\u0001" + TEXT + "\n" + PETER_SIG,
          TEXT + "\n" + badName,
          TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        }) {
      assertMalformed(bad.getBytes(StandardCharsets.UTF_8));
    }
    byte[] note = PETER_NOTE.getBytes(StandardCharsets.UTF_8);
    byte[] invalidUtf8 = new byte[note.length + 1];
    invalidUtf8[0] = (byte) 0xff;
    System.arraycopy(note, 0, invalidUtf8, 1, note.length);
    assertMalformed(invalidUtf8);
    // An overlong encoding of '\n' (0xC0 0x8A) must not pass for a newline.
    byte[] overlong = Arrays.copyOf(note, note.length + 1);
    overlong[note.length - 1] = (byte) 0xc0;
    overlong[note.length] = (byte) 0x8a;
    assertMalformed(overlong);
  }

  @Test
  void parse_hostileNotes_areRejected() {
    String sig64 = PETER_SIG.substring(PETER_SIG.indexOf(' ', 2) + 1, PETER_SIG.length() - 1);
    for (String bad :
        new String[] {
          "",
          "\n\n",
          PETER_NOTE + "\n",
          PETER_NOTE.replace("\n", "\r\n"),
          TEXT + "\n\n" + PETER_SIG.replace("\u2014 ", "- "),
          TEXT + "\n" + PETER_SIG.replace("\u2014 ", "\u2014"),
          TEXT + "\n" + PETER_SIG.replace("\u2014 ", "\u2014  "),
          TEXT + "\n" + "\u2014 PeterNeumann\n",
          TEXT + "\n" + "\u2014 PeterNeumann \n",
          TEXT + "\n" + "\u2014 Peter+Neumann " + sig64 + "\n",
          TEXT + "\n" + "\u2014 PeterNeumann " + sig64.replace("=", "") + "\n",
          TEXT + "\n" + "\u2014 PeterNeumann " + sig64 + " \n",
          TEXT + "\n" + "\u2014 PeterNeumann AAAAAA==\n",
          TEXT + "\n" + PETER_SIG + "\u0000",
          TEXT.replace("you", "y\tou") + "\n" + PETER_SIG,
        }) {
      assertMalformed(bad.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void parse_beyondLimits_isRefusedBeforeParsing() {
    byte[] tooMany = (TEXT + "\n" + PETER_SIG.repeat(101)).getBytes(StandardCharsets.UTF_8);
    assertMalformed(tooMany);
    assertThat(SignedNote.parse(tooMany, new NoteLimits(1 << 20, 101)).signatures()).hasSize(101);

    byte[] note = PETER_NOTE.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SignedNote.parse(note, new NoteLimits(note.length - 1, 16)))
        .isInstanceOf(CordonException.TooLarge.class);
    assertThat(SignedNote.parse(note, new NoteLimits(note.length, 1)).text()).isEqualTo(TEXT);
  }

  @Test
  void sign_textWithoutFinalNewlineOrWithControls_isRefused() {
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate("k");
    assertThatThrownBy(() -> SignedNote.sign("abc", signer))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> SignedNote.sign("a\rb\n", signer))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> SignedNote.sign("a\ud800\n", signer))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  private static SignedNote parse(String note) {
    return SignedNote.parse(note.getBytes(StandardCharsets.UTF_8), NoteLimits.DEFAULTS);
  }

  private static void assertMalformed(byte[] note) {
    assertThatThrownBy(() -> SignedNote.parse(note, NoteLimits.DEFAULTS))
        .as(new String(note, StandardCharsets.UTF_8))
        .isInstanceOf(CordonException.InvalidInput.class);
  }
}
