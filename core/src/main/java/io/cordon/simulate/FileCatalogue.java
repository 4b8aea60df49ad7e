package io.cordon.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The kinds of documents a CDMO project holds, with the labels content inspection would give them
 * and their typical sizes; a workspace's files are drawn from these.
 */
final class FileCatalogue {
  private record Kind(
      String pattern, String classification, List<String> dataTypes, long bytes, int weight) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("batch-record-BR-%d-%04d.pdf", "confidential", List.of("GXP"), 6_000_000, 14),
          new Kind("coa-lot-%d-%04d.pdf", "internal", List.of("GXP"), 400_000, 12),
          new Kind("stability-study-M%d-%04d.xlsx", "confidential", List.of("GXP"), 2_500_000, 8),
          new Kind("deviation-DEV-%d-%04d.pdf", "confidential", List.of("GXP"), 900_000, 8),
          new Kind("sop-%d-%04d.docx", "internal", List.of(), 700_000, 8),
          new Kind("method-validation-%d-%04d.pdf", "confidential", List.of("IP"), 3_000_000, 6),
          new Kind(
              "tech-transfer-package-v%d-%04d.zip", "restricted", List.of("IP"), 80_000_000, 3),
          new Kind("process-description-%d-%04d.docx", "restricted", List.of("IP"), 4_000_000, 4),
          new Kind("chromatography-raw-%d-%04d.cdf", "confidential", List.of("GXP"), 25_000_000, 9),
          new Kind("clinical-supply-plan-%d-%04d.xlsx", "internal", List.of(), 300_000, 5),
          new Kind(
              "patient-kit-listing-site-%d-%04d.csv",
              "restricted", List.of("PHI", "PII"), 1_200_000, 3),
          new Kind("audit-report-%d-%04d.pdf", "confidential", List.of("GXP"), 1_500_000, 3),
          new Kind("meeting-minutes-%d-%04d.docx", "internal", List.of(), 120_000, 10),
          new Kind("quality-agreement-%d-%04d.pdf", "confidential", List.of(), 800_000, 2),
          new Kind("press-kit-%d-%04d.pdf", "public", List.of(), 2_000_000, 1));

  private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();

  private FileCatalogue() {}

  static List<SimFile> filesOf(String workspace, int count, SplittableRandom r) {
    List<SimFile> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Kind k = pick(r);
      String name = String.format(Locale.ROOT, k.pattern(), 2025 + r.nextInt(2), r.nextInt(10_000));
      double spread = Math.exp(r.nextGaussian() * 0.6);
      files.add(
          new SimFile(
              Ids.next("f-", r),
              name,
              workspace,
              k.classification(),
              k.dataTypes(),
              Math.max(1024, (long) (k.bytes() * spread))));
    }
    return files;
  }

  private static Kind pick(SplittableRandom r) {
    int x = r.nextInt(TOTAL_WEIGHT);
    for (Kind k : KINDS) {
      x -= k.weight();
      if (x < 0) {
        return k;
      }
    }
    return KINDS.getLast();
  }
}
