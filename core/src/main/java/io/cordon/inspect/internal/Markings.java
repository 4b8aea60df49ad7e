package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * Document markings that declare intellectual property or restricted handling. Written in capitals
 * they are markings; in running lower-case prose ("keep this confidential") they are not, so only
 * the capitalised and title-case forms below count. Stateless; thread-safe.
 */
final class Markings {
  private static final String[] UPPER = {
    "STRICTLY CONFIDENTIAL", "COMPANY CONFIDENTIAL", "CONFIDENTIAL", "PROPRIETARY",
    "TRADE SECRET", "INTERNAL USE ONLY", "DO NOT DISTRIBUTE", "NOT FOR DISTRIBUTION",
    "RESTRICTED", "SECRET"
  };
  private static final String[] TITLE = {
    "Strictly Confidential",
    "Company Confidential",
    "Confidential Information",
    "Proprietary and Confidential",
    "Proprietary & Confidential",
    "Confidential and Proprietary",
    "Trade Secret",
    "Internal Use Only",
    "For Internal Use Only",
    "Do Not Distribute",
    "Confidential:",
    "Confidential -",
    "Confidential –"
  };

  private static final String[] NONE = {};

  private Markings() {}

  static void at(Text t, int i, Match m) {
    char c = t.charAt(i);
    if (c != 'S' && c != 'C' && c != 'P' && c != 'T' && c != 'I' && c != 'D' && c != 'N' && c != 'R'
        && c != 'F') {
      return;
    }
    boolean capitals = t.isUpper(i + 1);
    for (String w : capitals ? UPPER : NONE) {
      if (t.startsWith(i, w) && !t.isLetter(i + w.length())) {
        // One capitalised word inside a capitalised heading is not a marking by itself.
        boolean single = w.indexOf(' ') < 0;
        if (single && (w.equals("SECRET") || w.equals("RESTRICTED")) && !standsAlone(t, i, w)) {
          return;
        }
        m.offer(EntityType.CONFIDENTIAL_MARKING, i, i + w.length(), 0.9);
        return;
      }
    }
    for (String w : capitals ? NONE : TITLE) {
      if (t.charAt(i + 1) == w.charAt(1) && t.startsWith(i, w) && !t.isLetter(i + w.length())) {
        String trimmed = w.replaceAll("[:\\-–]$", "").strip();
        m.offer(EntityType.CONFIDENTIAL_MARKING, i, i + trimmed.length(), 0.8);
        return;
      }
    }
  }

  /** Whether the word is alone on its line (a banner), not part of a sentence. */
  private static boolean standsAlone(Text t, int i, String w) {
    int p = i - 1;
    while (t.charAt(p) == ' ' || t.charAt(p) == '\t') {
      p--;
    }
    int q = i + w.length();
    while (t.charAt(q) == ' ' || t.charAt(q) == '\t') {
      q++;
    }
    return (p < 0 || t.charAt(p) == '\n') && (t.charAt(q) == '\n' || t.charAt(q) == 0);
  }
}
