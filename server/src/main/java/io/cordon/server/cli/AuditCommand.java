package io.cordon.server.cli;

import io.cordon.audit.VerifyResult;
import io.cordon.audit.checkpoint.CosignerKey;
import io.cordon.audit.checkpoint.NoteLimits;
import io.cordon.audit.signature.SignatureAudit;
import io.cordon.audit.signature.SignatureCheck;
import io.cordon.audit.signature.SignatureRecord;
import io.cordon.audit.signature.VerifiedSignature;
import io.cordon.context.CordonException;
import io.cordon.server.Node;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
          "Recompute the whole trail and check every e-signature; exit 0 when intact, else 1"
              + " naming the first bad sequence number or each invalid signature.")
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

    @Option(
        names = "--witness-key",
        paramLabel = "KEY",
        description =
            "With --against: also require a valid cosignature by this witness (a verifier key of"
                + " type 0x04, c2sp.org/tlog-cosignature) on the saved checkpoint. Repeatable.")
    List<String> witnessKeys = List.of();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<CosignerKey> witnesses = witnessKeys.stream().map(CosignerKey::parse).toList();
      if (!witnesses.isEmpty() && against == null) {
        throw new CordonException.InvalidInput("--witness-key needs --against FILE");
      }
      try (Node n = node.open()) {
        Optional<byte[]> saved = savedCheckpoint();
        VerifyResult result = n.audit().verify(n.installation().operatorContext(), saved);
        PrintWriter out = spec.commandLine().getOut();
        return switch (result) {
          case VerifyResult.Intact ok -> {
            out.println("audit trail intact: " + ok.events() + " events");
            int exit = saved.map(note -> cosigned(note, witnesses, out)).orElse(ExitCodes.OK);
            // After the trail's check, whose own audit event this one's follows.
            yield Math.max(exit, signaturesIntact(n, out));
          }
          case VerifyResult.Broken bad -> {
            out.println("audit trail broken at seq " + bad.seq() + ": " + bad.reason());
            yield ExitCodes.CHECK_FAILED;
          }
        };
      }
    }

    /**
     * Whether every e-signature and receipt still verifies against its record and the content it
     * was made for (21 CFR 11.70): a row moved to another version shows here.
     */
    private static int signaturesIntact(Node n, PrintWriter out) {
      SignatureAudit audit = n.signatures().verifyAll(n.installation().operatorContext());
      for (VerifiedSignature bad : audit.failed()) {
        SignatureRecord r = bad.record();
        out.println(
            "e-signature "
                + r.id().value()
                + " on file "
                + r.file().value()
                + " version "
                + r.version()
                + " is invalid: "
                + (bad.check() instanceof SignatureCheck.Invalid invalid
                    ? invalid.reason()
                    : "not verified"));
      }
      if (audit.isIntact()) {
        out.println("e-signatures intact: " + audit.checked() + " checked");
        return ExitCodes.OK;
      }
      return ExitCodes.CHECK_FAILED;
    }

    /** Whether every required witness cosigned the saved checkpoint (the log's own is checked). */
    private int cosigned(byte[] note, List<CosignerKey> witnesses, PrintWriter out) {
      int exit = ExitCodes.OK;
      for (CosignerKey witness : witnesses) {
        OptionalLong time = witness.verifyNote(note, NoteLimits.DEFAULTS);
        if (time.isPresent()) {
          out.println(
              "cosigned by " + witness.name() + " at " + Instant.ofEpochSecond(time.getAsLong()));
        } else {
          out.println("no valid cosignature by " + witness.name() + " in " + against);
          exit = ExitCodes.CHECK_FAILED;
        }
      }
      return exit;
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
