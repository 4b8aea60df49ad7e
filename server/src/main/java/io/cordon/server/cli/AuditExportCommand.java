package io.cordon.server.cli;

import io.cordon.audit.AuditExport;
import io.cordon.audit.AuditFilter;
import io.cordon.audit.AuditFilterParameters;
import io.cordon.audit.ExportFormat;
import io.cordon.context.CordonException;
import io.cordon.server.Node;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon audit export}: the events that match, as JSON Lines (API.md event format, with
 * {@code seq} and {@code leaf}) or CSV, streamed page by page. The filters are those of {@code GET
 * /api/v1/audit/events}. With {@code --out} the export goes to a temporary file beside the target,
 * is synced, and only then moved onto the final name in one atomic step, so a killed export never
 * leaves a half file under that name. Audited as {@code audit.export}.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Print events as JSON Lines (API.md event format) or CSV.")
final class AuditExportCommand implements Callable<Integer> {
  @Mixin NodeOptions node;

  @Option(names = "--from", paramLabel = "SEQ", description = "First sequence number (default: 1).")
  Long from;

  @Option(
      names = "--to",
      paramLabel = "SEQ",
      description = "Last sequence number (default: the newest).")
  Long to;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl (default) or csv (RFC 4180, formula cells defused).")
  String format;

  @Option(names = "--actor", paramLabel = "USER", description = "A user id or username.")
  String actor;

  @Option(names = "--org", paramLabel = "ORG", description = "The actor's organisation id.")
  String org;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description = "An action (file.download) or a noun with .* (file.*).")
  String action;

  @Option(names = "--outcome", paramLabel = "OUTCOME", description = "success, denied or error.")
  String outcome;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Events at or after this RFC 3339 time.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Events before this RFC 3339 time.")
  String until;

  @Option(names = "--workspace", paramLabel = "ID", description = "The object's workspace id.")
  String workspace;

  @Option(names = "--object", paramLabel = "ID", description = "The object's id.")
  String object;

  @Option(names = "--object-type", paramLabel = "TYPE", description = "The object's type.")
  String objectType;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE (atomically: complete or not at all) instead of stdout.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ExportFormat f = ExportFormat.fromCode(format);
    AuditFilter filter = AuditFilterParameters.parse(parameters()::get);
    Path target = out == null ? null : checkedTarget(out);
    try (Node n = node.open()) {
      AuditExport export = n.auditSearch().export(n.installation().operatorContext(), filter, f);
      if (target == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        export.writeTo(stdout);
        stdout.flush();
      } else {
        writeAtomically(export, target);
        spec.commandLine().getErr().println("exported " + export.count() + " events to " + target);
      }
      return ExitCodes.OK;
    }
  }

  private Map<String, String> parameters() {
    Map<String, String> p = new HashMap<>();
    put(p, AuditFilterParameters.FROM, from == null ? null : Long.toString(from));
    put(p, AuditFilterParameters.TO, to == null ? null : Long.toString(to));
    put(p, AuditFilterParameters.ACTOR, actor);
    put(p, AuditFilterParameters.ORG, org);
    put(p, AuditFilterParameters.ACTION, action);
    put(p, AuditFilterParameters.OUTCOME, outcome);
    put(p, AuditFilterParameters.SINCE, since);
    put(p, AuditFilterParameters.UNTIL, until);
    put(p, AuditFilterParameters.WORKSPACE, workspace);
    put(p, AuditFilterParameters.OBJECT, object);
    put(p, AuditFilterParameters.OBJECT_TYPE, objectType);
    return p;
  }

  private static void put(Map<String, String> p, String name, String value) {
    if (value != null) {
      p.put(name, value);
    }
  }

  private static Path checkedTarget(Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new CordonException.InvalidInput("--out " + file + " is a directory");
    }
    if (!Files.isDirectory(target.getParent())) {
      throw new CordonException.InvalidInput("--out " + file + ": no such directory");
    }
    return target;
  }

  /** Temporary file (owner-only) beside the target, synced, then renamed over it atomically. */
  private static void writeAtomically(AuditExport export, Path target) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
    try {
      try (FileOutputStream file = new FileOutputStream(temp.toFile());
          Writer w =
              new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 64 * 1024)) {
        export.writeTo(w);
        w.flush();
        file.getFD().sync();
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
