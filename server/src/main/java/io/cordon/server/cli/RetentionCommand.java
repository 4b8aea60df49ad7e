package io.cordon.server.cli;

import io.cordon.content.RetentionPurge;
import io.cordon.server.Node;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon retention}: the record retention rules. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Record retention: purge content whose retention period has ended.",
    subcommands = RetentionCommand.Purge.class)
public final class RetentionCommand {
  /** {@code cordon retention purge}: destroy the content of deleted files past retention. */
  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description = {
        "Destroy the content (encrypted blobs and data keys) of deleted files whose every version"
            + " is older than the workspace's retention rule and that no legal hold covers. The"
            + " file's metadata stays as a tombstone and its audit events stay in the trail. Each"
            + " purge is audited as file.purge; administrators only.",
        "",
        "One line per deleted file: its id, what happens (purged, due, not-due, held,"
            + " kept-forever) and why."
      })
  static final class Purge implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Option(names = "--dry-run", description = "Only list what would be purged.")
    boolean dryRun;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        RetentionPurge.Report r =
            n.retentionPurge().purge(n.installation().operatorContext(), dryRun);
        PrintWriter out = spec.commandLine().getOut();
        for (RetentionPurge.Item item : r.items()) {
          out.printf("%s  %-12s  %s  (%s)%n", item.file(), state(item), item.name(), item.detail());
        }
        long due =
            r.items().stream().filter(i -> i.verdict() == RetentionPurge.Verdict.DUE).count();
        out.printf(
            dryRun
                ? "%d deleted files, %d due for purge (dry run: nothing removed)%n"
                : "%d deleted files, %d purged%n",
            r.items().size(),
            dryRun ? due : r.purged());
        return ExitCodes.OK;
      }
    }

    private static String state(RetentionPurge.Item item) {
      if (item.purged()) {
        return "purged";
      }
      return item.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
