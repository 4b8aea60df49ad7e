package io.cordon.audit;

import io.cordon.context.CordonException;
import java.util.regex.Pattern;

/**
 * Which audit actions a search matches: one action exactly ({@code file.download}) or every action
 * of a noun ({@code file.*}). The text is checked against the action grammar of API.md before it
 * goes anywhere near a query, so that nothing but {@code [a-z0-9_.]} ever reaches SQL (and it is
 * bound as a parameter there anyway). Immutable.
 *
 * @param value the exact action, or for a prefix pattern the noun with its dot ({@code file.})
 * @param prefix whether {@code value} is a prefix
 */
public record ActionPattern(String value, boolean prefix) {
  private static final int MAX_LENGTH = 64;
  private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]*\\.(\\*|[a-z][a-z0-9_]*)");

  public ActionPattern {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("action pattern must have 1 to 64 characters");
    }
  }

  /**
   * Parses {@code noun.verb} or {@code noun.*}.
   *
   * @throws CordonException.InvalidInput naming the parameter {@code action} otherwise
   */
  public static ActionPattern parse(String text) {
    if (text == null || text.length() > MAX_LENGTH || !SHAPE.matcher(text).matches()) {
      throw new CordonException.InvalidInput(
          "'action' must be an action such as file.download, or a noun with .* such as file.*");
    }
    return text.endsWith(".*")
        ? new ActionPattern(text.substring(0, text.length() - 1), true)
        : new ActionPattern(text, false);
  }

  /** Whether an action name matches, as the store's query does. */
  public boolean matches(String action) {
    return prefix ? action.startsWith(value) : action.equals(value);
  }

  /** The pattern as a user writes it. */
  @Override
  public String toString() {
    return prefix ? value + "*" : value;
  }
}
