package io.cordon.audit.checkpoint;

import io.cordon.context.CordonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or more
 * signature lines. Parsing is strict and checks no signature; the text must be ignored until a
 * trusted key's signature over it has been verified ({@link NoteSignature#isBy}, {@link
 * VerifierKey#verifies}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the signed text, ending in a newline (the separating blank line is not part of it)
 * @param signatures the signature lines, in order, at least one
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  private static final String BLANK_LINE = "\n\n";

  public SignedNote {
    if (text == null || !text.endsWith("\n") || !NoteText.isAllowed(text)) {
      throw new CordonException.InvalidInput(
          "a note's text ends in a newline and has no other control characters");
    }
    if (signatures == null || signatures.isEmpty()) {
      throw new CordonException.InvalidInput("a signed note has at least one signature");
    }
    signatures = List.copyOf(signatures);
  }

  /** Signs {@code text} with {@code signer}. */
  public static SignedNote sign(String text, NoteSigner signer) {
    if (text == null || !text.endsWith("\n") || !NoteText.isAllowed(text)) {
      throw new CordonException.InvalidInput(
          "a note's text ends in a newline and has no other control characters");
    }
    byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
    return new SignedNote(
        text, List.of(new NoteSignature(signer.keyName(), signer.keyId(), signature)));
  }

  /**
   * Parses a note as the reference implementation does, checking size first: valid UTF-8, no
   * control characters but newlines, the text up to the last blank line, then only well-formed
   * signature lines, each ending in a newline.
   *
   * @throws CordonException.TooLarge if the note exceeds {@code limits}
   * @throws CordonException.InvalidInput if it is not a well-formed signed note
   */
  public static SignedNote parse(byte[] note, NoteLimits limits) {
    if (note.length > limits.maxNoteBytes()) {
      throw new CordonException.TooLarge("a note has at most " + limits.maxNoteBytes() + " bytes");
    }
    String decoded = strictUtf8(note);
    if (!NoteText.isAllowed(decoded)) {
      throw new CordonException.InvalidInput("a note has no control characters but newlines");
    }
    int split = decoded.lastIndexOf(BLANK_LINE);
    if (split < 0) {
      throw new CordonException.InvalidInput("a note has a blank line before its signatures");
    }
    String lines = decoded.substring(split + BLANK_LINE.length());
    if (lines.isEmpty() || !lines.endsWith("\n")) {
      throw new CordonException.InvalidInput("a note ends with signature lines");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
      if (signatures.size() == limits.maxSignatures()) {
        throw new CordonException.InvalidInput(
            "a note has at most " + limits.maxSignatures() + " signatures");
      }
      signatures.add(signatureLine(line));
    }
    return new SignedNote(decoded.substring(0, split + 1), signatures);
  }

  /** The signatures that claim to be by {@code key}; the others are not ours to judge. */
  public List<NoteSignature> signaturesBy(VerifierKey key) {
    return signatures.stream().filter(s -> s.isBy(key)).toList();
  }

  /** The note as text: the text, a blank line and the signature lines. */
  public String encoded() {
    StringBuilder note = new StringBuilder(text).append('\n');
    signatures.forEach(s -> note.append(s.line()));
    return note.toString();
  }

  private static NoteSignature signatureLine(String line) {
    int space = line.indexOf(' ', NoteSignature.PREFIX.length());
    if (!line.startsWith(NoteSignature.PREFIX) || space < 0) {
      throw new CordonException.InvalidInput("a signature line is '\u2014 <key name> <signature>'");
    }
    String name = line.substring(NoteSignature.PREFIX.length(), space);
    if (!NoteText.isKeyName(name)) {
      throw new CordonException.InvalidInput("a signature's key name is not a valid key name");
    }
    byte[] idAndSignature = CanonicalBase64.decode(line.substring(space + 1), "a signature");
    if (idAndSignature.length < 5) {
      throw new CordonException.InvalidInput("a signature has a key ID and at least one byte");
    }
    ByteBuffer buffer = ByteBuffer.wrap(idAndSignature);
    int keyId = buffer.getInt();
    byte[] signature = new byte[buffer.remaining()];
    buffer.get(signature);
    return new NoteSignature(name, keyId, signature);
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CordonException.InvalidInput("a note is UTF-8");
    }
  }
}
