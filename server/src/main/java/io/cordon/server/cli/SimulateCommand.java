package io.cordon.server.cli;

import io.cordon.context.CordonException;
import io.cordon.simulate.ScenarioType;
import io.cordon.simulate.SimulationSettings;
import io.cordon.simulate.Simulator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon simulate --users N --days D --seed S --out DIR}: writes a simulated world's {@code
 * events.jsonl} and {@code truth.jsonl} (docs/simulation.md). Both files are written under
 * temporary names and moved into place only when complete, so a killed run leaves no half file.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a simulated world's activity (events.jsonl, API.md's event format) and its injected"
          + " attack scenarios (truth.jsonl). The same seed writes the same bytes."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--users", required = true, description = "Users across all organisations.")
  int users;

  @Option(names = "--days", required = true, description = "Days to simulate.")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(
      names = "--start",
      paramLabel = "YYYY-MM-DD",
      description = "First simulated day (default 2026-10-05, a Monday).")
  String start;

  @Option(
      names = "--rate",
      paramLabel = "TYPE=N",
      description =
          "Scenarios of TYPE per 100 users x 30 days (default 3; 0 turns a type off). Types:"
              + " exfiltration_before_departure, account_takeover, impossible_travel,"
              + " password_spraying, credential_stuffing, mass_external_sharing,"
              + " low_and_slow_exfiltration, partner_overreach, dormant_reactivation.")
  Map<String, Double> rates = Map.of();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SimulationSettings settings = settings();
    Files.createDirectories(out);
    Path events = out.resolve("events.jsonl");
    Path truth = out.resolve("truth.jsonl");
    Path eventsTmp = out.resolve(".events.jsonl.partial");
    Path truthTmp = out.resolve(".truth.jsonl.partial");
    long began = System.nanoTime();
    Simulator.Summary summary;
    try (OutputStream e = new BufferedOutputStream(Files.newOutputStream(eventsTmp), 1 << 16);
        OutputStream t = new BufferedOutputStream(Files.newOutputStream(truthTmp), 1 << 16)) {
      summary = new Simulator(settings).run(e, t);
    } catch (IOException | RuntimeException x) {
      Files.deleteIfExists(eventsTmp);
      Files.deleteIfExists(truthTmp);
      throw x;
    }
    move(eventsTmp, events);
    move(truthTmp, truth);
    double seconds = (System.nanoTime() - began) / 1e9;
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "%d events, %d scenarios (%s) in %.1f s: %s, %s%n",
        summary.events(),
        summary.scenarios(),
        summary.perType(),
        seconds,
        events,
        truth);
    if (!summary.skipped().isEmpty()) {
      w.println("not placed (world too small or too short): " + summary.skipped());
    }
    return ExitCodes.OK;
  }

  private SimulationSettings settings() {
    Map<ScenarioType, Double> parsed = new EnumMap<>(ScenarioType.class);
    try {
      rates.forEach((k, v) -> parsed.put(ScenarioType.fromCode(k), v));
      LocalDate first = start == null ? SimulationSettings.DEFAULT_START : LocalDate.parse(start);
      return new SimulationSettings(users, days, seed, first, parsed);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new CordonException.InvalidInput(e.getMessage());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
