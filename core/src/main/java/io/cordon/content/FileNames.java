package io.cordon.content;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Validates names of files and workspaces given by users. A name is a label, never a path: it
 * cannot contain separators or control characters and cannot be {@code .} or {@code ..}. Names are
 * normalised to Unicode NFC so that visually equal names compare equal.
 */
public final class FileNames {
  /** Most file systems and archive formats cap a name at 255 bytes. */
  public static final int MAX_BYTES = 255;

  private FileNames() {}

  /**
   * Returns the normalised name.
   *
   * @throws CordonException.InvalidInput with the reason the name is unacceptable
   */
  public static String check(String raw, String what) {
    if (raw == null || raw.isBlank()) {
      throw new CordonException.InvalidInput(what + " name is required");
    }
    String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new CordonException.InvalidInput(what + " name is longer than " + MAX_BYTES + " bytes");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new CordonException.InvalidInput(what + " name must not be . or ..");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        throw new CordonException.InvalidInput(what + " name must not contain / or \\");
      }
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new CordonException.InvalidInput(what + " name must not contain control characters");
      }
    }
    return name;
  }
}
