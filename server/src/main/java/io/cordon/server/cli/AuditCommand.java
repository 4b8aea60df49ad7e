package io.cordon.server.cli;

import io.cordon.audit.VerifyResult;
import io.cordon.context.CordonException;
import io.cordon.server.Node;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon audit}: the audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit trail.",
    subcommands = {AuditExportCommand.class, AuditCommand.Verify.class})
public final class AuditCommand {
  /**
   * {@code cordon audit verify}: recomputes every event's leaf and chain hash from its stored
   * bytes, rebuilds the Merkle tree and checks every stored checkpoint (and a saved one with {@code
   * --against}), and names the first event that does not match (see AuditService#verify).
   */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute the whole trail; exit 0 when intact, else 1 naming the first bad"
              + " sequence number.")
  static final class Verify implements Callable<Integer> {
    /** A checkpoint note is a few hundred bytes; anything this large is not one. */
    private static final int MAX_CHECKPOINT_BYTES = 64 * 1024;

    @Mixin NodeOptions node;

    @Option(
        names = "--against",
        paramLabel = "FILE",
        description =
            "Also check against a checkpoint saved earlier outside the database (e.g. from"
                + " DATA/audit/checkpoints/): detects a rolled-back or forked history.")
    Path against;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        VerifyResult result =
            n.audit().verify(n.installation().operatorContext(), savedCheckpoint());
        PrintWriter out = spec.commandLine().getOut();
        return switch (result) {
          case VerifyResult.Intact ok -> {
            out.println("audit trail intact: " + ok.events() + " events");
            yield ExitCodes.OK;
          }
          case VerifyResult.Broken bad -> {
            out.println("audit trail broken at seq " + bad.seq() + ": " + bad.reason());
            yield ExitCodes.CHECK_FAILED;
          }
        };
      }
    }

    private Optional<byte[]> savedCheckpoint() {
      if (against == null) {
        return Optional.empty();
      }
      try {
        if (Files.size(against) > MAX_CHECKPOINT_BYTES) {
          throw new CordonException.InvalidInput(against + " is too large to be a checkpoint");
        }
        return Optional.of(Files.readAllBytes(against));
      } catch (IOException e) {
        throw new CordonException.InvalidInput("cannot read " + against + ": " + e.getMessage());
      }
    }
  }
}
