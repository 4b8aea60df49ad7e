package io.cordon.server.cli;

import io.cordon.content.BlobSweeper;
import io.cordon.server.Node;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon blobs}: the blob store. */
@Command(
    name = "blobs",
    mixinStandardHelpOptions = true,
    description = "The blob store (encrypted file contents).",
    subcommands = BlobsCommand.Sweep.class)
public final class BlobsCommand {
  /**
   * {@code cordon blobs sweep}: remove what crashes and interrupted uploads left in the blob store,
   * now rather than at the next periodic sweep of a serving node.
   */
  @Command(
      name = "sweep",
      mixinStandardHelpOptions = true,
      description = {
        "Remove what interrupted uploads and crashes left in the blob store: unfinished uploads,"
            + " and blobs that no file version refers to. Only what is older than --grace goes.",
        "",
        "A serving node sweeps by itself every 15 minutes with a grace of 24h (at start with"
            + " none when the database is SQLite, as then no other node can be uploading)."
            + " Use --grace 0s only while no node serves this data: it would remove uploads in"
            + " flight."
      })
  static final class Sweep implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Option(
        names = "--grace",
        paramLabel = "DURATION",
        defaultValue = "24h",
        description = "Keep what is younger than this: 0s, 30m, 24h… (default: ${DEFAULT-VALUE}).")
    String grace;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Duration keep = Durations.parse(grace, "--grace");
      try (Node n = node.open()) {
        BlobSweeper.Result r = n.blobMaintenance().sweep(n.installation().operatorContext(), keep);
        spec.commandLine()
            .getOut()
            .printf(
                "removed %d unfinished uploads and %d orphaned blobs%n",
                r.temporaries(), r.orphans());
        return ExitCodes.OK;
      }
    }
  }
}
