package io.cordon.policy.internal;

import io.cordon.policy.Obligation;
import java.util.List;
import java.util.Set;

/**
 * One compiled rule: where it is filed in the index (actions, resource types), the conditions that
 * make it match ({@code when}), those that exempt ({@code unless}, forbid and step-up), and those a
 * permit requires of the authentication ({@code require}: failing them asks for a step-up).
 * Immutable and thread-safe.
 *
 * @param actions action codes, or {@code *}
 * @param resourceTypes resource types, or {@code *}
 */
record Rule(
    String id,
    Effect effect,
    Set<String> actions,
    Set<String> resourceTypes,
    Condition[] when,
    Condition[] unless,
    Condition[] require,
    List<Obligation> obligations,
    String reason,
    String source,
    int line) {

  /** Whether every {@code when} condition holds. */
  boolean applies(Facts f) {
    return all(when, f);
  }

  /** Whether the exemption holds (an empty {@code unless} never exempts). */
  boolean exempt(Facts f) {
    return unless.length > 0 && all(unless, f);
  }

  boolean satisfied(Facts f) {
    return all(require, f);
  }

  static boolean all(Condition[] cs, Facts f) {
    for (Condition c : cs) {
      if (!c.test(f)) {
        return false;
      }
    }
    return true;
  }

  /** The first condition of {@code cs} that fails, or null. */
  static Condition firstFailing(Condition[] cs, Facts f) {
    for (Condition c : cs) {
      if (!c.test(f)) {
        return c;
      }
    }
    return null;
  }

  /** The values a rule is limited to by an {@code is}/{@code in} on a text attribute. */
  Set<String> only(Attribute a) {
    for (Condition c : when) {
      if (c instanceof Condition.Text t && c.attribute == a && t.allowed() != null) {
        return t.allowed();
      }
    }
    return Set.of();
  }

  boolean uses(Attribute a) {
    for (Condition[] cs : List.of(when, unless, require)) {
      for (Condition c : cs) {
        if (c.attribute == a) {
          return true;
        }
      }
    }
    return false;
  }
}
