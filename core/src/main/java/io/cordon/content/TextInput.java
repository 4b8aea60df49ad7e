package io.cordon.content;

import io.cordon.context.CordonException;

/**
 * Checks short free texts users give (a deletion reason, a legal hold's matter): trimmed, not
 * blank, bounded, without control characters. Stateless.
 */
final class TextInput {
  private TextInput() {}

  static String check(String raw, String what, int maxChars) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      throw new CordonException.InvalidInput("'" + what + "' must not be blank");
    }
    if (text.length() > maxChars) {
      throw new CordonException.InvalidInput(
          "'" + what + "' is longer than " + maxChars + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new CordonException.InvalidInput(
            "'" + what + "' must not contain control characters");
      }
    }
    return text;
  }
}
