package io.cordon.server.bench;

import java.util.Random;

/**
 * Generated plain text for {@code cordon bench inspect}: sentences of the kinds of documents a CDMO
 * moves, with a sensitive value (SSN, card, e-mail, batch number, name, …) in about one sentence in
 * eight. Deterministic for a given random source. Not thread-safe (the caller's Random).
 */
final class InspectCorpusText {
  private static final String[] PROSE = {
    "The granulation was dried at 60 degrees until the loss on drying was below two percent. ",
    "Assay results for the active ingredient were within the specification of 95.0 to 105.0 %. ",
    "The patient reported mild nausea on day three, which resolved without intervention. ",
    "Dissolution testing met the acceptance criteria at 30 minutes for all twelve units. ",
    "Equipment cleaning was verified by swab sampling at the agreed worst-case locations. ",
    "A deviation was raised when the compression force exceeded the upper alert limit. ",
    "The stability samples were stored at 25 C and 60 % relative humidity for six months. ",
    "Please review the attached certificate of analysis before the release meeting on Friday. ",
    "Microbial limits were tested according to the pharmacopoeia and found compliant. ",
    "The sponsor requested an updated tech-transfer package including the process flow. ",
  };
  private static final String[] VALUES = {
    "Batch No.: B2024-0117 ",
    "SSN 078-05-1123 ",
    "card 4111 1111 1111 1111 ",
    "contact jane.doe@example.com ",
    "Reviewed by Mary Johnson ",
    "call (415) 555-0132 ",
    "MRN: 00482913 ",
    "DOB: 1962-03-14 ",
    "CAS 7732-18-5 ",
    "NDC 0777-3105-02 ",
    "Diagnosis: E11.9 ",
    "password=Tr0ub4dor3x ",
    "CONFIDENTIAL ",
  };

  private InspectCorpusText() {}

  static char[] generate(int chars, Random random) {
    char[] out = new char[chars];
    int p = 0;
    while (p < chars) {
      String s =
          random.nextInt(8) == 0
              ? VALUES[random.nextInt(VALUES.length)]
              : PROSE[random.nextInt(PROSE.length)];
      int n = Math.min(s.length(), chars - p);
      s.getChars(0, n, out, p);
      p += n;
      if (random.nextInt(6) == 0 && p < chars) {
        out[p++] = '\n';
      }
    }
    return out;
  }
}
