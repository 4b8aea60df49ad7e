package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
  // One table answers every list for a word (bit flags): a capitalised word costs one look-up.
  private static final int FIRST = 1;
  private static final int LAST = 1 << 1;
  private static final int WORLD_FIRST = 1 << 2;
  private static final int WORLD_LAST = 1 << 3;
  private static final int TITLES = 1 << 4;
  private static final int COMMON_WORDS = 1 << 5;
  private static final int STOP = 1 << 6;
  private static final int PLACES = 1 << 7;

  private static final Set<String> FIRST_LIST = load("first-names.txt");
  private static final Set<String> LAST_LIST = load("last-names.txt");

  /**
   * Given names and surnames of 45 more locales (Faker's, Latin script, English words removed):
   * weaker evidence than the US lists, so a lone name from them needs context.
   */
  private static final Set<String> WORLD_FIRST_LIST = load("first-names-world.txt");

  private static final Set<String> WORLD_LAST_LIST = load("last-names-world.txt");
  private static final Set<String> TITLES_LIST =
      Set.of("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mx", "Sir", "Dame", "Madam");

  /** Given names that are also everyday English words: never a name on their own. */
  private static final Set<String> COMMON_WORDS_LIST =
      Set.of(
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

  /** Labels whose value is a person's name, whatever the name: the capitalised words after them. */
  private static final Context.Words LABELS =
      Context.words(
          "name",
          "patient",
          "signed by",
          "reviewed by",
          "approved by",
          "prepared by",
          "verified by",
          "checked by",
          "performed by",
          "witnessed by",
          "released by",
          "reviewer",
          "investigator",
          "attn",
          "dear",
          "i'm",
          "i am");

  /** Words that put a lone known surname in a sentence about a person. */
  private static final Context.Words SURNAME_CONTEXT =
      Context.words("by", "says", "said", "with", "name", "mr", "mrs", "ms", "dr", "dear");

  private Names() {}

  private static WordSet lexicon() {
    Map<String, Integer> flags = new HashMap<>();
    Object[][] lists = {
      {FIRST_LIST, FIRST},
      {LAST_LIST, LAST},
      {WORLD_FIRST_LIST, WORLD_FIRST},
      {WORLD_LAST_LIST, WORLD_LAST},
      {TITLES_LIST, TITLES},
      {COMMON_WORDS_LIST, COMMON_WORDS},
      {STOP_LIST, STOP},
      {PLACES_LIST, PLACES}
    };
    for (Object[] list : lists) {
      for (Object w : (Set<?>) list[0]) {
        flags.merge((String) w, (Integer) list[1], (a, b) -> a | b);
      }
    }
    return new WordSet(flags);
  }

  /** Whether the word in {@code [from, to)} is on one of the lists in {@code mask}. */
  private static boolean on(Text t, int from, int to, int mask) {
    return (LEXICON.flags(t, from, to) & mask) != 0;
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
    int word = LEXICON.flags(t, i, e);
    if ((word & TITLES) != 0) {
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
    boolean common = (word & COMMON_WORDS) != 0;
    boolean usGiven = (word & FIRST) != 0;
    // Capitals ("CAS No", "DEA") are acronyms far more often than names of other locales.
    boolean proper = Character.isLowerCase(t.charAt(i + 1));
    boolean worldGiven = !usGiven && !common && proper && (word & WORLD_FIRST) != 0;
    if (!usGiven && !worldGiven) {
      notGiven(t, i, e, limit, word, m);
      return;
    }
    int end = surname(t, e, limit, false);
    if (end > 0) {
      boolean known = isSurname(t, lastWordStart(t, end), end);
      m.offer(EntityType.PERSON, i, end, known ? 0.9 : 0.75);
      return;
    }
    if (common || on(t, e + 1, wordEnd(t, e + 1, limit), PLACES) && t.charAt(e) == ' ') {
      return;
    }
    boolean context = Context.before(t, i, 24, CONTEXT);
    // A lone given name of another locale's list is often a word of some language: only with
    // context.
    m.offer(EntityType.PERSON, i, e, context ? 0.7 : usGiven ? 0.55 : 0.45);
  }

  private static boolean isSurname(Text t, int from, int to) {
    return on(t, from, to, LAST | WORLD_LAST);
  }

  /**
   * A capitalised word that is no given name: a person when a label names it ("Name:", "signed by",
   * "Patient:"), when a known surname follows it, or when it is itself a known surname right after
   * a word such as "by" or "says".
   */
  private static void notGiven(Text t, int i, int e, int limit, int word, Match m) {
    // Proper-case only: "ID", "QA", "USP" after a label are codes, not names.
    if ((word & (COMMON_WORDS | STOP | PLACES)) != 0 || !Character.isLowerCase(t.charAt(i + 1))) {
      return;
    }
    int end = surname(t, e, limit, false);
    if (Context.labelled(t, i, LABELS)) {
      m.offer(EntityType.PERSON, i, end > 0 ? end : e, end > 0 ? 0.8 : 0.7);
      return;
    }
    if (end > 0 && t.charAt(end) != '.' && isSurname(t, lastWordStart(t, end), end)) {
      m.offer(EntityType.PERSON, i, end, 0.7);
      return;
    }
    if ((word & (LAST | WORLD_LAST)) != 0 && Context.before(t, i, 16, SURNAME_CONTEXT)) {
      m.offer(EntityType.PERSON, i, e, 0.7);
    }
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
      if (on(t, p, we, STOP | PLACES)) {
        break;
      }
      end = we;
      if (t.charAt(we) != ' ' || !self && words > 0) {
        break;
      }
      p = we + 1;
      // After a title every capitalised word up to three is the name ("Dr. Yaco Angulo").
      if (!self) {
        break;
      }
    }
    return end;
  }

  /** Capitalised words that follow a name but are not part of it. */
  private static final Set<String> STOP_LIST =
      Set.of(
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

  /** Street, place and organisation words: "Shelly Park", "Morgan Bank" are no persons. */
  private static final Set<String> PLACES_LIST =
      Set.of(
          "Lane",
          "Hill",
          "Park",
          "Loop",
          "Point",
          "Union",
          "Way",
          "Flat",
          "Flats",
          "Cliffs",
          "Pass",
          "Drive",
          "Court",
          "Place",
          "Square",
          "Boulevard",
          "Plaza",
          "Bridge",
          "Heights",
          "Gardens",
          "Terrace",
          "Crescent",
          "Parkway",
          "Highway",
          "Valley",
          "Ridge",
          "Island",
          "Harbor",
          "Harbour",
          "Port",
          "Station",
          "Mill",
          "Lake",
          "Creek",
          "River",
          "Grove",
          "Village",
          "Center",
          "Centre",
          "Trail",
          "Day",
          "Group",
          "Bank",
          "Corp",
          "Company",
          "Agency",
          "Club",
          "Hospital",
          "Clinic",
          "University",
          "College",
          "Institute",
          "Laboratories",
          "Labs",
          "Pharma",
          "Pharmaceuticals",
          "Investments",
          "Partners",
          "Holdings",
          "Associates");

  // Last: built from the lists above, which static initialisation fills in textual order.
  private static final WordSet LEXICON = lexicon();
}
