package io.cordon.server.cli;

import io.cordon.audit.signature.SignatureKeyStore;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.context.RequestContext;
import io.cordon.crypto.KeyService;
import io.cordon.server.Node;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon keys}: key lifecycle. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Key lifecycle.",
    subcommands = {KeysCommand.Rotate.class, KeysCommand.Shred.class})
public final class KeysCommand {
  /** {@code cordon keys rotate}: new primary KEK, data keys re-wrapped, content untouched. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Rotate workspace key-encryption keys: a new primary key, every data key"
              + " re-wrapped; no content is re-encrypted. All workspaces unless --workspace."
              + " With --e-signature, rotate the key that seals e-signature records instead.")
  static final class Rotate implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Option(names = "--workspace", paramLabel = "ID", description = "Only this workspace.")
    String workspace;

    @Option(
        names = "--e-signature",
        description =
            "Rotate the e-signature sealing key: new records get a new key; earlier records stay"
                + " verifiable with the retired key's public half.")
    boolean eSignature;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        RequestContext ctx = n.installation().operatorContext();
        if (eSignature) {
          if (workspace != null) {
            throw new CommandLine.ParameterException(
                spec.commandLine(), "--e-signature and --workspace exclude each other");
          }
          SignatureKeyStore.Rotation r = n.signatures().rotateKey(ctx);
          spec.commandLine()
              .getOut()
              .printf(
                  "e-signature key %s retired; new records are sealed by %s%n",
                  r.retired(), r.current());
          return ExitCodes.OK;
        }
        List<WorkspaceId> targets =
            workspace != null
                ? List.of(new WorkspaceId(workspace))
                : n.workspaces().list(ctx).stream().map(Workspace::id).toList();
        for (WorkspaceId id : targets) {
          KeyService.Rotation r = n.keyService().rotate(ctx, id);
          spec.commandLine()
              .getOut()
              .printf(
                  "%s  keyset %s  primary key %d  %d data keys re-wrapped%n",
                  id, r.keyset(), r.primaryKeyId(), r.rewrapped());
        }
        if (targets.isEmpty()) {
          spec.commandLine().getOut().println("no workspaces");
        }
        return ExitCodes.OK;
      }
    }
  }

  /** {@code cordon keys shred}: destroy a workspace's KEK (crypto-shredding). */
  @Command(
      name = "shred",
      mixinStandardHelpOptions = true,
      description = {
        "Destroy a workspace's key-encryption key: every version of every file in it"
            + " becomes unreadable, for good. The action is audited. Asks for the workspace's name"
            + " as confirmation."
      })
  static final class Shred implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Option(
        names = "--workspace",
        required = true,
        paramLabel = "ID",
        description = "The workspace.")
    String workspace;

    @Option(
        names = "--confirm",
        required = true,
        paramLabel = "NAME",
        description = "The workspace's exact name, to confirm.")
    String confirm;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        RequestContext ctx = n.installation().operatorContext();
        WorkspaceId id = new WorkspaceId(workspace);
        Workspace ws =
            n.workspaces().list(ctx).stream()
                .filter(w -> w.id().equals(id))
                .findFirst()
                .orElseThrow(
                    () ->
                        new io.cordon.context.CordonException.NotFound(
                            "no workspace " + workspace));
        if (!ws.name().equals(confirm)) {
          throw new io.cordon.context.CordonException.InvalidInput(
              "--confirm must be the workspace's exact name, '" + ws.name() + "'");
        }
        n.keyService().shred(ctx, id);
        spec.commandLine()
            .getOut()
            .println(
                "destroyed the key of "
                    + id
                    + " ("
                    + ws.name()
                    + "); its content can no longer be decrypted");
        return ExitCodes.OK;
      }
    }
  }
}
