package io.cordon.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cordon.inspect.CustomDetector;
import io.cordon.inspect.DataType;
import io.cordon.inspect.Finding;
import io.cordon.inspect.Inspector;
import io.cordon.inspect.TextInspection;
import io.cordon.inspect.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cordon inspect [--json] FILE...}: the content-inspection engine on local files, one result
 * per file (API.md "Inspection output"). Files are read as UTF-8 text, streamed in windows so a
 * file of any size fits in memory; malformed UTF-8 is replaced and said so. A missing or unreadable
 * file is reported and makes the exit code 2; the other files are still inspected.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Run content inspection on local text files and print their findings, classification and"
          + " data types. Samples are redacted; values never appear in the output."
    })
public final class InspectCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--json", description = "One JSON object per file (API.md's format).")
  boolean json;

  @Option(
      names = "--detectors",
      paramLabel = "FILE",
      description =
          "YAML list of custom detectors: type, pattern, validator (none, luhn, mod97, nhs, npi,"
              + " dea, cas, ssn), contextWords, contextRequired, dataType, confidence.")
  Path detectors;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Text files to inspect.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Inspector inspector = Inspector.withCustom(loadDetectors());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ExitCodes.OK;
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        err.println("cordon: " + file + ": no such readable file");
        exit = ExitCodes.BAD_INPUT;
        continue;
      }
      TextInspection result;
      try (InputStream in = Files.newInputStream(file)) {
        result = inspector.inspectUtf8(in);
      }
      if (json) {
        out.println(JSON.writeValueAsString(toJson(file.toString(), result)));
      } else {
        printHuman(out, file.toString(), result);
      }
      out.flush();
    }
    return exit;
  }

  private List<CustomDetector> loadDetectors() throws IOException {
    if (detectors == null) {
      return List.of();
    }
    if (!Files.isRegularFile(detectors)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--detectors: no such file: " + detectors);
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<CustomDetector> list = new ArrayList<>();
    try {
      for (var node : yaml.readTree(detectors.toFile())) {
        List<String> words = new ArrayList<>();
        node.path("contextWords").forEach(w -> words.add(w.asText()));
        list.add(
            new CustomDetector(
                node.path("type").asText(),
                node.path("pattern").asText(),
                Validator.fromCode(node.path("validator").asText("none")),
                words,
                node.path("contextRequired").asBoolean(false),
                DataType.fromCode(node.path("dataType").asText()),
                node.path("confidence").asDouble(0.8)));
      }
    } catch (IllegalArgumentException | IOException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--detectors: " + detectors + ": " + e.getMessage());
    }
    return list;
  }

  static ObjectNode toJson(String file, TextInspection r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", file);
    o.put("classification", r.label().classification().code());
    ArrayNode types = o.putArray("dataTypes");
    r.label().dataTypes().forEach(d -> types.add(d.code()));
    ArrayNode findings = o.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode n = findings.addObject();
      n.put("type", f.type().name());
      n.put("start", f.start());
      n.put("end", f.end());
      n.put("confidence", BigDecimal.valueOf(f.confidence()).setScale(2, RoundingMode.HALF_UP));
      n.put("sample", f.sample());
    }
    // Additions to API.md's format (allowed: "add more freely"), present only when they apply.
    if (r.truncated()) {
      o.put("truncated", true);
      ObjectNode counts = o.putObject("counts");
      r.counts().forEach(counts::put);
    }
    if (r.invalidUtf8() > 0) {
      o.put("invalidUtf8", r.invalidUtf8());
      o.put("note", "not valid UTF-8: malformed sequences were replaced with U+FFFD");
    }
    return o;
  }

  private static void printHuman(PrintWriter out, String file, TextInspection r) {
    String types =
        r.label().dataTypes().stream().map(DataType::code).collect(Collectors.joining(", "));
    long total = r.counts().values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        Locale.ROOT,
        "%s: %s%s, %d finding%s%n",
        file,
        r.label().classification().code(),
        types.isEmpty() ? "" : " [" + types + "]",
        total,
        total == 1 ? "" : "s");
    if (r.invalidUtf8() > 0) {
      out.printf(
          Locale.ROOT,
          "  warning: not valid UTF-8, %d malformed sequence(s) replaced with U+FFFD%n",
          r.invalidUtf8());
    }
    for (Finding f : r.findings()) {
      out.printf(
          Locale.ROOT,
          "  %-22s %10d-%-10d %.2f  %s%n",
          f.type().name(),
          f.start(),
          f.end(),
          f.confidence(),
          f.sample());
    }
    if (r.truncated()) {
      out.printf(Locale.ROOT, "  (only the first %d findings shown)%n", r.findings().size());
    }
  }
}
