package io.cordon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 item 6: the detectors scored on labelled text. Cordon's own corpus (realistic pharma
 * documents with planted values and look-alikes that fail their checks, marked up inline as {@code
 * {{TYPE:value}}} and {@code {{!TYPE:value}}}) carries the goals; Presidio's data is scored and
 * printed for comparison, with its label mapping in {@code docs/inspection.md}. A finding matches a
 * labelled span of the same type that it overlaps.
 */
class InspectionEvaluationTest {
  private static final Pattern MARK =
      Pattern.compile("\\{\\{(!?)([A-Z0-9_]+):(.*?)}}", Pattern.DOTALL);
  private static final List<String> CORPUS =
      List.of(
          "batch-record.txt",
          "certificate-of-analysis.txt",
          "adverse-event-narrative.txt",
          "patient-list.txt",
          "formulation.txt",
          "application-config.txt",
          "vendor-payment-email.txt",
          "deviation-report.txt",
          "supplier-email.txt");
  private static final Set<String> CHECKSUM_TYPES =
      Set.of("CREDIT_CARD", "IBAN_CODE", "UK_NHS", "US_NPI", "US_DEA", "CAS_NUMBER", "US_SSN");

  /** Presidio types with a Cordon counterpart of the same name; every other label is excluded. */
  private static final Set<String> PRESIDIO_MAPPED =
      Set.of(
          "PERSON",
          "CREDIT_CARD",
          "IBAN_CODE",
          "US_SSN",
          "PHONE_NUMBER",
          "EMAIL_ADDRESS",
          "IP_ADDRESS",
          "US_DRIVER_LICENSE",
          "UK_NHS",
          "US_PASSPORT",
          "US_NPI");

  private final Inspector inspector = Inspector.standard();

  record Span(String type, int start, int end, boolean lookAlike) {}

  record Labelled(String text, List<Span> spans) {}

  static Labelled parse(String marked) {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    Matcher m = MARK.matcher(marked);
    int last = 0;
    while (m.find()) {
      text.append(marked, last, m.start());
      int start = text.length();
      text.append(m.group(3));
      spans.add(new Span(m.group(2), start, text.length(), !m.group(1).isEmpty()));
      last = m.end();
    }
    text.append(marked.substring(last));
    return new Labelled(text.toString(), spans);
  }

  /** Scores findings against spans; answers how many findings hit a look-alike. */
  static int score(List<Finding> findings, List<Span> spans, Set<String> scoredTypes, Scores s) {
    boolean[] used = new boolean[spans.size()];
    int lookAlikeHits = 0;
    for (Finding f : findings) {
      String type = f.type().name();
      if (scoredTypes != null && !scoredTypes.contains(type)) {
        continue;
      }
      boolean matched = false;
      for (int k = 0; k < spans.size(); k++) {
        Span g = spans.get(k);
        boolean overlaps = f.start() < g.end() && g.start() < f.end();
        if (overlaps && g.lookAlike()) {
          lookAlikeHits++;
        }
        if (overlaps && !g.lookAlike() && !used[k] && g.type().equals(type)) {
          used[k] = true;
          matched = true;
          break;
        }
      }
      if (matched) {
        s.of(type).tp++;
      } else {
        s.of(type).fp++;
        s.note("FP " + type + " at " + f.start() + ": " + f.sample());
      }
    }
    for (int k = 0; k < spans.size(); k++) {
      Span g = spans.get(k);
      if (!g.lookAlike() && !used[k] && (scoredTypes == null || scoredTypes.contains(g.type()))) {
        s.of(g.type()).fn++;
        s.note("FN " + g.type() + " at " + g.start());
      }
    }
    return lookAlikeHits;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = InspectionEvaluationTest.class.getResourceAsStream("/inspect/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void corpus_reachesGoals_andNoLookAlikeFound() throws IOException {
    Scores s = new Scores();
    int lookAlikeHits = 0;
    int lookAlikes = 0;
    for (String doc : CORPUS) {
      Labelled l = parse(resource("corpus/" + doc));
      lookAlikes += (int) l.spans().stream().filter(Span::lookAlike).count();
      lookAlikeHits += score(inspector.scan(l.text()), l.spans(), null, s);
    }
    System.out.print(s.table("Cordon corpus (" + CORPUS.size() + " documents)"));
    s.notes().forEach(System.out::println);
    Set<String> allButPerson =
        new java.util.HashSet<>(EntityType.BUILT_IN.stream().map(EntityType::name).toList());
    allButPerson.remove("PERSON");
    Scores.Count checksum = s.pooled(CHECKSUM_TYPES);
    Scores.Count all = s.pooled(allButPerson);
    System.out.printf(
        java.util.Locale.ROOT,
        "checksum-validated F1 %.3f; all types but PERSON F1 %.3f; look-alikes found %d of %d%n",
        checksum.f1(),
        all.f1(),
        lookAlikeHits,
        lookAlikes);
    assertThat(lookAlikes).isGreaterThanOrEqualTo(10);
    assertThat(lookAlikeHits).isZero();
    assertThat(checksum.f1()).isGreaterThanOrEqualTo(0.97);
    assertThat(all.f1()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void presidioSynthetic_scoredOnMappedTypes() throws IOException {
    JsonNode data = new ObjectMapper().readTree(resource("presidio/synth_dataset_v2.json"));
    Scores s = new Scores();
    for (JsonNode rec : data) {
      List<Span> spans = new ArrayList<>();
      for (JsonNode sp : rec.path("spans")) {
        String type = sp.path("entity_type").asText();
        if (PRESIDIO_MAPPED.contains(type)) {
          spans.add(
              new Span(
                  type, sp.path("start_position").asInt(), sp.path("end_position").asInt(), false));
        }
      }
      score(inspector.scan(rec.path("full_text").asText()), spans, PRESIDIO_MAPPED, s);
      s.notes().clear();
    }
    System.out.print(s.table("Presidio synth_dataset_v2 (1,500 sentences), mapped types only"));
    for (String type :
        List.of("CREDIT_CARD", "IBAN_CODE", "EMAIL_ADDRESS", "US_SSN", "IP_ADDRESS")) {
      assertThat(s.of(type).f1()).as(type).isGreaterThanOrEqualTo(0.85);
    }
  }

  /**
   * PERSON on Presidio's synthetic set split in two: the name rules were tuned looking only at the
   * records with an even index; the goal is asserted on the odd ones (held out). Both are printed.
   */
  @Test
  void presidioSynthetic_personOnHeldOutHalf() throws IOException {
    JsonNode data = new ObjectMapper().readTree(resource("presidio/synth_dataset_v2.json"));
    Scores[] halves = {new Scores(), new Scores()};
    Set<String> person = Set.of("PERSON");
    for (int k = 0; k < data.size(); k++) {
      JsonNode rec = data.get(k);
      List<Span> spans = new ArrayList<>();
      for (JsonNode sp : rec.path("spans")) {
        if (sp.path("entity_type").asText().equals("PERSON")) {
          spans.add(
              new Span(
                  "PERSON",
                  sp.path("start_position").asInt(),
                  sp.path("end_position").asInt(),
                  false));
        }
      }
      score(inspector.scan(rec.path("full_text").asText()), spans, person, halves[k % 2]);
      halves[k % 2].notes().clear();
    }
    System.out.print(halves[0].table("Presidio synth PERSON, tuning half (even records)"));
    System.out.print(halves[1].table("Presidio synth PERSON, held-out half (odd records)"));
    Scores.Count heldOut = halves[1].of("PERSON");
    assertThat(heldOut.recall()).isGreaterThanOrEqualTo(0.55);
    assertThat(heldOut.precision()).isGreaterThanOrEqualTo(0.85);
  }

  /** Presidio recognizer test tables: expected match counts per text. */
  @Test
  void presidioRecognizerCases_scoredByCount() throws IOException {
    Map<String, String> recognizers =
        Map.of(
            "credit_card", "CREDIT_CARD",
            "iban", "IBAN_CODE",
            "email", "EMAIL_ADDRESS",
            "ip", "IP_ADDRESS",
            "us_ssn", "US_SSN",
            "uk_nhs", "UK_NHS",
            "us_npi", "US_NPI",
            "phone", "PHONE_NUMBER",
            "us_passport", "US_PASSPORT",
            "us_driver_license", "US_DRIVER_LICENSE");
    JsonNode root =
        new ObjectMapper().readTree(resource("presidio/presidio_recognizer_cases.json"));
    Scores s = new Scores();
    recognizers.forEach(
        (name, type) -> {
          for (JsonNode group : root.path("recognizers").path(name).path("groups")) {
            // The text is the first parameter of Presidio's test (named text, iban, …).
            String textField = group.path("argnames").get(0).asText();
            for (JsonNode c : group.path("cases")) {
              int expected = c.path("expected_len").asInt();
              long found =
                  inspector.scan(c.path(textField).asText()).stream()
                      .filter(f -> f.type().name().equals(type))
                      .count();
              Scores.Count x = s.of(type);
              x.tp += (int) Math.min(expected, found);
              x.fp += (int) Math.max(0, found - expected);
              x.fn += (int) Math.max(0, expected - found);
            }
          }
        });
    System.out.print(s.table("Presidio recognizer cases (by match count)"));
    // SSN, NPI, NHS, passport and licence cases expect Presidio's context-free low-score matches
    // (a bare 9-digit number is a passport, a bare 10-digit one an NPI); Cordon asks for context
    // there by design, so those rows are printed, not asserted.
    for (String type : List.of("CREDIT_CARD", "IBAN_CODE", "EMAIL_ADDRESS", "PHONE_NUMBER")) {
      assertThat(s.of(type).f1()).as(type).isGreaterThanOrEqualTo(0.85);
    }
  }

  /** Presidio's context sentences: each should yield a finding of its type (recall only). */
  @Test
  void presidioContextSentences_recallPrinted() throws IOException {
    String[] lines =
        resource("presidio/context_sentences_tests.txt")
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toArray(String[]::new);
    Scores s = new Scores();
    for (int k = 0; k + 1 < lines.length; k += 2) {
      String type = lines[k].strip();
      if (!PRESIDIO_MAPPED.contains(type)) {
        continue;
      }
      boolean found =
          inspector.scan(lines[k + 1]).stream().anyMatch(f -> f.type().name().equals(type));
      if (found) {
        s.of(type).tp++;
      } else {
        s.of(type).fn++;
      }
    }
    System.out.print(s.table("Presidio context sentences (recall; mapped types only)"));
    assertThat(s.pooled(PRESIDIO_MAPPED).recall()).isGreaterThanOrEqualTo(0.5);
  }
}
