package io.cordon.server.bench;

import java.util.List;

/**
 * The mixed-document figure of {@code cordon bench inspect}: extraction (Tika) plus the detector
 * pass over generated PDF, DOCX, XLSX, HTML and zip files, in process CPU time (the parser runs on
 * a thread of its own, so the caller's thread CPU time would miss it; GC and JIT threads count too,
 * so the figure errs low). Immutable.
 *
 * @param documents documents in the set
 * @param bytes bytes of the documents
 * @param textChars characters of text extracted per run
 * @param runs process-CPU-time rates of each run in MB of documents per second
 * @param textRuns rates of each run in MB of extracted text per second
 * @param incomplete documents whose extraction was not complete in the last run (should be 0)
 */
public record MixedResult(
    int documents,
    long bytes,
    long textChars,
    List<Double> runs,
    List<Double> textRuns,
    int incomplete) {
  public MixedResult {
    runs = List.copyOf(runs);
    textRuns = List.copyOf(textRuns);
  }

  public double documentMbps() {
    return BenchReport.median(runs);
  }

  public double textMbps() {
    return BenchReport.median(textRuns);
  }
}
