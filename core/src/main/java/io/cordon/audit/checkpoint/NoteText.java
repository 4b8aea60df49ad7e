package io.cordon.audit.checkpoint;

/**
 * The character rules of c2sp.org/signed-note: no ASCII control characters but newline anywhere,
 * and key names that are non-empty, without Unicode spaces and without {@code +} (which separates
 * the fields of a verifier key).
 */
final class NoteText {
  private NoteText() {}

  /** Whether {@code text} is well-formed UTF-16 (so encodes to UTF-8) with no control but '\n'. */
  static boolean isAllowed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** Whether {@code name} may name a key (and so appear in a signature line). */
  static boolean isKeyName(String name) {
    if (name == null || name.isEmpty() || !isAllowed(name) || name.indexOf('+') >= 0) {
      return false;
    }
    return name.codePoints().noneMatch(NoteText::isUnicodeSpace);
  }

  // Go's unicode.IsSpace, which the reference implementation uses: the Latin-1 spaces (tab to
  // carriage return, space, NEL, no-break space) and the space, line and paragraph separators.
  private static boolean isUnicodeSpace(int c) {
    if (c <= 0xFF) {
      return (c >= '\t' && c <= '\r') || c == ' ' || c == 0x85 || c == 0xA0;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
