package io.cordon.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cordon.inspect.Classifier;
import io.cordon.inspect.ContentExtractor;
import io.cordon.inspect.CustomDetector;
import io.cordon.inspect.DataType;
import io.cordon.inspect.Extraction;
import io.cordon.inspect.Finding;
import io.cordon.inspect.Inspector;
import io.cordon.inspect.TextInspection;
import io.cordon.inspect.Validator;
import io.cordon.inspect.tika.TikaExtractor;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cordon inspect [--json] FILE...}: the content-inspection engine on local files, one result
 * per file (API.md "Inspection output"), with the server's extractor and its configured limits
 * ({@code inspect.*} keys): documents, e-mail and archives through Tika, plain text as UTF-8
 * streamed in windows so a file of any size fits in memory (malformed UTF-8 is replaced and said
 * so). Each result says how far extraction got ({@code extraction}: complete, truncated,
 * unscannable, rejected). A missing or unreadable file is reported and makes the exit code 2; the
 * other files are still inspected.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Run content inspection on local files (text, PDF, Office, OpenDocument, RTF, HTML, e-mail,"
          + " archives) and print their findings, classification and data types, with the"
          + " server's extraction limits. Samples are redacted; values never appear in the"
          + " output."
    })
public final class InspectCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The inspection of a file of which no text could be read: nothing found, labelled so. */
  private static final TextInspection NOTHING_READ =
      new TextInspection(Classifier.label(List.of()), List.of(), Map.of(), 0, false, 0);

  @Option(names = "--json", description = "One JSON object per file (API.md's format).")
  boolean json;

  @Option(
      names = "--detectors",
      paramLabel = "FILE",
      description =
          "YAML list of custom detectors: type, pattern, validator (none, luhn, mod97, nhs, npi,"
              + " dea, cas, ssn), contextWords, contextRequired, dataType, confidence.")
  Path detectors;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to inspect.")
  List<Path> files;

  @Mixin DataOptions data = new DataOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Inspector inspector = Inspector.withCustom(loadDetectors());
    CordonConfig config = new ConfigLoader(System.getenv()).load(data.dataDir(), data.configFile());
    ContentExtractor extractor = new TikaExtractor(config.inspect().limits());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ExitCodes.OK;
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        err.println("cordon: " + file + ": no such readable file");
        exit = ExitCodes.BAD_INPUT;
        continue;
      }
      Extraction result;
      try (InputStream in = Files.newInputStream(file)) {
        result = extractor.extract(in, file.getFileName().toString(), inspector);
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

  static ObjectNode toJson(String file, Extraction e) {
    TextInspection r = e.inspection().orElse(NOTHING_READ);
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
    // Additions to API.md's format (allowed: "add more freely").
    o.put("extraction", e.status().name().toLowerCase(Locale.ROOT));
    o.put("mediaType", e.mediaType());
    if (!e.detail().isEmpty()) {
      o.put("detail", e.detail());
    }
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

  private static void printHuman(PrintWriter out, String file, Extraction e) {
    TextInspection r = e.inspection().orElse(NOTHING_READ);
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
    if (e.status() != Extraction.Status.COMPLETE) {
      out.printf(
          Locale.ROOT,
          "  extraction %s (%s): %s%n",
          e.status().name().toLowerCase(Locale.ROOT),
          e.mediaType(),
          e.detail());
    }
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
