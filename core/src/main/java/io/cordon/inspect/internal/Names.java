package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Person names from a dictionary of common given names and surnames (resources {@code
 * first-names.txt}, {@code last-names.txt}) and context rules: a given name followed by a
 * capitalised word, a title ({@code Dr.}, {@code Mrs}) followed by capitalised words, or a given
 * name alone after a word such as "patient" or "Dear". A dictionary cannot know every name: recall
 * is measured and reported in {@code docs/inspection.md}. Immutable after construction;
 * thread-safe.
 */
final class Names {
  private static final WordSet FIRST = new WordSet(load("first-names.txt"));
  private static final WordSet LAST = new WordSet(load("last-names.txt"));
  private static final WordSet TITLES =
      words("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mx", "Sir", "Dame", "Madam");

  /** Given names that are also everyday English words: never a name on their own. */
  private static final WordSet COMMON_WORDS =
      words(
          "April",
          "May",
          "June",
          "August",
          "Will",
          "Bill",
          "Joy",
          "Hope",
          "Grace",
          "Faith",
          "Mark",
          "Rose",
          "Summer",
          "Dawn",
          "Amber",
          "Crystal",
          "Destiny",
          "Jack",
          "Frank",
          "Guy",
          "Lee",
          "Ray",
          "Holly",
          "Ivy",
          "Autumn",
          "Sky",
          "Chase",
          "Hunter",
          "Cash",
          "Dale",
          "Glen",
          "Lane",
          "Miles",
          "Page",
          "Paris",
          "Victoria",
          "Sharon",
          "Carol",
          "Gene",
          "Penny",
          "Robin",
          "Sandy",
          "Stone",
          "Wade",
          "Brook",
          "Heather",
          "Misty",
          "Patience",
          "Trinity",
          "Harmony",
          "Justice",
          "Royal",
          "King",
          "Major",
          "Reed",
          "Price",
          "Young",
          "Long",
          "Bond",
          "Case",
          "Chance",
          "Christian",
          "Charity",
          "Eve");

  private static final Context.Words CONTEXT =
      Context.words(
          "patient",
          "dear",
          "name",
          "signed",
          "mr",
          "mrs",
          "ms",
          "dr",
          "nurse",
          "hello",
          "hi",
          "contact",
          "by",
          "from",
          "to",
          "cc",
          "employee",
          "subject",
          "investigator",
          "physician",
          "reviewed",
          "approved",
          "author");

  private Names() {}

  private static WordSet words(String... words) {
    return new WordSet(Set.of(words));
  }

  private static Set<String> load(String resource) {
    InputStream in = Names.class.getResourceAsStream("/io/cordon/inspect/" + resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    Set<String> names = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          names.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(names);
  }

  /** The end of a name-like word: letters with inner apostrophes or hyphens. */
  private static int wordEnd(Text t, int i, int limit) {
    int p = i;
    int max = Math.min(limit, i + 40);
    while (p < max) {
      char c = t.charAt(p);
      if (t.isLetter(p)) {
        p++;
      } else if ((c == '\'' || c == '-' || c == '’') && t.isLetter(p + 1) && p > i) {
        p++;
      } else {
        break;
      }
    }
    return p;
  }

  private static boolean capitalised(Text t, int i, int end) {
    char c = t.charAt(i);
    return end - i >= 2
        && (c >= 'A' && c <= 'Z' || c > 0x7f && Character.isUpperCase(c))
        && t.isLetter(i + 1);
  }

  static void at(Text t, int i, int limit, Match m) {
    int e = wordEnd(t, i, limit);
    if (e - i < 2 || !capitalised(t, i, e) || t.isDigit(e)) {
      return;
    }
    if (TITLES.contains(t, i, e)) {
      int p = e;
      if (t.charAt(p) == '.') {
        p++;
      }
      if (t.charAt(p) != ' ') {
        return;
      }
      int s = p + 1;
      int end = surname(t, s, limit, true);
      if (end > 0) {
        m.offer(EntityType.PERSON, s, end, 0.85);
      }
      return;
    }
    if (!FIRST.contains(t, i, e)) {
      return;
    }
    int end = surname(t, e, limit, false);
    if (end > 0) {
      boolean known = LAST.contains(t, lastWordStart(t, end), end);
      m.offer(EntityType.PERSON, i, end, known ? 0.9 : 0.75);
      return;
    }
    if (COMMON_WORDS.contains(t, i, e)) {
      return;
    }
    boolean context = Context.before(t, i, 24, CONTEXT);
    m.offer(EntityType.PERSON, i, e, context ? 0.7 : 0.55);
  }

  private static int lastWordStart(Text t, int end) {
    int p = end;
    while (p > 0 && (t.isLetter(p - 1) || t.charAt(p - 1) == '\'' || t.charAt(p - 1) == '-')) {
      p--;
    }
    return p;
  }

  /**
   * After a given name at {@code e}: an optional middle initial, then a capitalised surname (the
   * surname itself when {@code self}, after a title). Answers the end of the name or -1.
   */
  private static int surname(Text t, int e, int limit, boolean self) {
    int p = self ? e : e + 1;
    if (!self && t.charAt(e) != ' ') {
      return -1;
    }
    int end = -1;
    for (int words = 0; words < 3; words++) {
      int we = wordEnd(t, p, limit);
      if (we - p == 1 && Character.isUpperCase(t.charAt(p))) {
        // a middle initial, "J" or "J."
        int q = we;
        if (t.charAt(q) == '.') {
          q++;
        }
        if (t.charAt(q) != ' ') {
          break;
        }
        p = q + 1;
        continue;
      }
      if (!capitalised(t, p, we) || t.isDigit(we)) {
        break;
      }
      if (STOP.contains(t, p, we)) {
        break;
      }
      end = we;
      if (t.charAt(we) != ' ' || !self && words > 0) {
        break;
      }
      p = we + 1;
      if (!self || !LAST.contains(t, p, we) && !FIRST.contains(t, p, we)) {
        break;
      }
    }
    return end;
  }

  /** Capitalised words that follow a name but are not part of it. */
  private static final WordSet STOP =
      words(
          "The",
          "And",
          "Or",
          "Of",
          "In",
          "On",
          "At",
          "To",
          "For",
          "From",
          "With",
          "By",
          "Is",
          "Was",
          "Has",
          "Had",
          "Inc",
          "Ltd",
          "LLC",
          "GmbH",
          "Street",
          "St",
          "Road",
          "Avenue",
          "Monday",
          "Tuesday",
          "Wednesday",
          "Thursday",
          "Friday",
          "Saturday",
          "Sunday",
          "I",
          "We",
          "He",
          "She",
          "It",
          "They",
          "Batch",
          "Lot",
          "Page",
          "Date",
          "Phone",
          "Email");
}
