package io.cordon.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code cordon bench content}: medians over the runs, each transfer next to the
 * plain TLS baseline measured in the same run. Rates are megabytes (10^6 bytes) per second of
 * plaintext; a ratio is the product's median over the baseline's median, and passes when it reaches
 * the goal. Printed as a table for people and as one JSON line for scripts. Immutable.
 *
 * @param sizeBytes bytes moved by each transfer
 * @param runs measured runs per operation (after warm-up)
 * @param upload the upload through the API and its baseline
 * @param download the download through the API and its baseline
 * @param tinkEncryptMbps raw StreamingAead encryption, median
 * @param tinkDecryptMbps raw StreamingAead decryption, median
 * @param sha256Mbps SHA-256 on one core, median (the upload and download paths both hash)
 * @param generatorMbps the test-data generator, median (must be far above every other rate)
 * @param goal the ratio each transfer should reach
 * @param protocol the TLS version of every measured connection
 * @param cipherSuite the TLS cipher suite of every measured connection
 */
public record BenchReport(
    long sizeBytes,
    int runs,
    Transfer upload,
    Transfer download,
    double tinkEncryptMbps,
    double tinkDecryptMbps,
    double sha256Mbps,
    double generatorMbps,
    double goal,
    String protocol,
    String cipherSuite) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One direction: the per-run rates through the product and through the baseline.
   *
   * @param runsMbps the product's rate in each run
   * @param baselineRunsMbps the baseline's rate in each run
   */
  public record Transfer(List<Double> runsMbps, List<Double> baselineRunsMbps) {
    public Transfer {
      runsMbps = List.copyOf(runsMbps);
      baselineRunsMbps = List.copyOf(baselineRunsMbps);
      if (runsMbps.isEmpty() || baselineRunsMbps.isEmpty()) {
        throw new IllegalArgumentException("a transfer needs at least one run of each");
      }
    }

    public double mbps() {
      return median(runsMbps);
    }

    public double baselineMbps() {
      return median(baselineRunsMbps);
    }

    public double ratio() {
      return mbps() / baselineMbps();
    }

    /**
     * The median of each run's own ratio: steadier than {@link #ratio()} when the machine's load
     * changes between runs, since each run's pair was measured back to back.
     */
    public double pairedRatio() {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(runsMbps.size(), baselineRunsMbps.size()); i++) {
        ratios.add(runsMbps.get(i) / baselineRunsMbps.get(i));
      }
      return median(ratios);
    }
  }

  public BenchReport {
    if (upload == null || download == null || protocol == null || cipherSuite == null) {
      throw new IllegalArgumentException("incomplete report");
    }
  }

  /** Both transfers reach the goal. */
  public boolean passes() {
    return upload.ratio() >= goal && download.ratio() >= goal;
  }

  /** The table for people, several lines, each ending with a newline. */
  public String table() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "cordon bench content: %s per transfer, median of %d run%s, %s %s, MB = 10^6 bytes%n",
            sizeText(sizeBytes),
            runs,
            runs == 1 ? "" : "s",
            protocol,
            cipherSuite));
    String row = "%-22s %10s %14s %7s %6s  %s%n";
    t.append(
        String.format(
            Locale.ROOT, row, "operation", "MB/s", "baseline MB/s", "ratio", "goal", "result"));
    transferRow(t, row, "upload (HTTPS API)", upload);
    transferRow(t, row, "download (HTTPS API)", download);
    t.append(
        String.format(
            Locale.ROOT, row, "tink encrypt (raw)", mbps(tinkEncryptMbps), "", "", "", ""));
    t.append(
        String.format(
            Locale.ROOT, row, "tink decrypt (raw)", mbps(tinkDecryptMbps), "", "", "", ""));
    t.append(String.format(Locale.ROOT, row, "sha-256 (raw)", mbps(sha256Mbps), "", "", "", ""));
    t.append(
        String.format(Locale.ROOT, row, "data generator", mbps(generatorMbps), "", "", "", ""));
    return t.toString();
  }

  /** The machine-readable result: one line of JSON, no newline. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("bench", "content");
    root.put("sizeBytes", sizeBytes);
    root.put("runs", runs);
    root.set("upload", transferJson(upload));
    root.set("download", transferJson(download));
    root.put("tinkEncryptMbps", round(tinkEncryptMbps));
    root.put("tinkDecryptMbps", round(tinkDecryptMbps));
    root.put("sha256Mbps", round(sha256Mbps));
    root.put("generatorMbps", round(generatorMbps));
    root.put("goal", goal);
    root.put("pass", passes());
    root.put("tlsProtocol", protocol);
    root.put("tlsCipherSuite", cipherSuite);
    root.put("java", Runtime.version().toString());
    root.put("cpus", Runtime.getRuntime().availableProcessors());
    return root.toString();
  }

  private void transferRow(StringBuilder t, String row, String name, Transfer x) {
    t.append(
        String.format(
            Locale.ROOT,
            row,
            name,
            mbps(x.mbps()),
            mbps(x.baselineMbps()),
            String.format(Locale.ROOT, "%.2f", x.ratio()),
            String.format(Locale.ROOT, "%.2f", goal),
            x.ratio() >= goal ? "pass" : "FAIL"));
  }

  private ObjectNode transferJson(Transfer x) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mbps", round(x.mbps()));
    n.put("baselineMbps", round(x.baselineMbps()));
    n.put("ratio", Math.round(x.ratio() * 1000) / 1000.0);
    n.put("pairedRatio", Math.round(x.pairedRatio() * 1000) / 1000.0);
    n.put("pass", x.ratio() >= goal);
    var runs = n.putArray("runsMbps");
    x.runsMbps().forEach(v -> runs.add(round(v)));
    var baselineRuns = n.putArray("baselineRunsMbps");
    x.baselineRunsMbps().forEach(v -> baselineRuns.add(round(v)));
    return n;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round(double mbps) {
    return Math.round(mbps * 10) / 10.0;
  }

  private static String mbps(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String sizeText(long bytes) {
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes + " bytes";
  }
}
