package io.cordon.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.detect.Alert;
import io.cordon.detect.DetectionConfig;
import io.cordon.detect.DetectionEngine;
import io.cordon.detect.EventParser;
import io.cordon.detect.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon detect}: the behaviour-analytics engine offline (docs/detection.md). */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = "Behaviour analytics over audit events.",
    subcommands = {
      DetectCommand.Replay.class,
      DetectEvaluateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.BAD_INPUT;
  }

  /**
   * {@code cordon detect replay --events FILE.jsonl [--json]}: every detector over the events in
   * file order, from an empty baseline, learning as it goes; alerts on standard output (a table, or
   * API.md's alert output as JSON Lines), the count of rejected events by reason on standard error.
   */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Run the detectors over events in the event format (JSON Lines), from an empty baseline,"
            + " and print the alerts. Rejected events (malformed, missing fields, duplicated or"
            + " out-of-order, clock jumps) are counted on standard error, never fatal."
      })
  public static final class Replay implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    // API.md: RFC 3339 UTC with milliseconds, always three digits.
    private static final java.time.format.DateTimeFormatter TIME =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events.")
    Path events;

    @Option(names = "--json", description = "One JSON object per alert (API.md's alert output).")
    boolean json;

    @Option(
        names = "--vpn",
        paramLabel = "CIDR",
        split = ",",
        description = "Known VPN egress ranges (IPv4 CIDR) that impossible travel ignores.")
    List<String> vpn = List.of();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(events) || !Files.isReadable(events)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--events: no such readable file: " + events);
      }
      DetectionConfig config;
      try {
        config = DetectionConfig.defaults().withVpnRanges(vpn);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--vpn: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      long[] alerts = new long[1];
      if (!json) {
        out.printf(
            Locale.ROOT,
            "%-24s %-8s %-26s %-32s %5s  %s%n",
            "time",
            "severity",
            "detector",
            "user / address",
            "score",
            "summary");
      }
      DetectionEngine engine =
          new DetectionEngine(
              config,
              a -> {
                alerts[0]++;
                out.println(json ? toJson(a) : row(a));
              });
      EventParser parser = new EventParser();
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      long lines = 0;
      try (BufferedReader in =
          new BufferedReader(
              new java.io.InputStreamReader(Files.newInputStream(events), decoder), 1 << 16)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          lines++;
          EventParser.Parsed p = parser.parse(line);
          if (p.event() == null) {
            engine.reject(p.rejection());
          } else {
            engine.offer(p.event());
          }
        }
      }
      engine.flush();
      out.flush();
      Map<String, Long> byReason = new TreeMap<>();
      for (Map.Entry<Rejection, Long> r : engine.rejections().entrySet()) {
        byReason.put(r.getKey().code(), r.getValue());
      }
      err.printf(
          Locale.ROOT,
          "cordon detect replay: %d events read, %d used, %d rejected%s; %d alerts%n",
          lines,
          engine.accepted(),
          engine.rejectedTotal(),
          byReason.isEmpty() ? "" : " " + byReason,
          alerts[0]);
      err.flush();
      return ExitCodes.OK;
    }

    static String toJson(Alert a) {
      ObjectNode n = JSON.createObjectNode();
      n.put("time", TIME.format(Instant.ofEpochMilli(a.timeMillis())));
      if (a.user() != null) {
        n.put("user", a.user());
      }
      if (a.ip() != null) {
        n.put("ip", a.ip());
      }
      n.put("detector", a.detector());
      n.put("severity", a.severity().code());
      n.put("score", Math.round(a.score() * 1000) / 1000.0);
      n.put("summary", a.summary());
      n.set("evidence", JSON.valueToTree(a.evidence()));
      ArrayNode seqs = n.putArray("events");
      a.events().forEach(seqs::add);
      try {
        return JSON.writeValueAsString(n);
      } catch (IOException e) {
        throw new IllegalStateException("alert not serialisable", e);
      }
    }

    private static String row(Alert a) {
      String subject = a.user() != null ? a.user() : a.ip();
      return String.format(
          Locale.ROOT,
          "%-24s %-8s %-26s %-32s %5.2f  %s",
          TIME.format(Instant.ofEpochMilli(a.timeMillis())),
          a.severity().code(),
          a.detector(),
          subject,
          a.score(),
          a.summary());
    }
  }
}
