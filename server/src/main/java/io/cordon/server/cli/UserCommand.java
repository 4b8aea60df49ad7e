package io.cordon.server.cli;

import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.OrgKind;
import io.cordon.identity.User;
import io.cordon.server.Node;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cordon user}: user accounts. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "User accounts.",
    subcommands = UserCommand.Add.class)
public final class UserCommand {
  /** {@code cordon user add}: create a user, and its organisation if new. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create a user (and its organisation if it does not exist yet).")
  static final class Add implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "Username (e.g. an e-mail address).")
    String username;

    @Option(
        names = "--org",
        paramLabel = "ORG",
        description = "Organisation (default: the home organisation).")
    String org;

    @Option(names = "--partner", description = "A new --org is a partner organisation.")
    boolean partner;

    @Option(
        names = "--role",
        split = ",",
        paramLabel = "ROLE",
        description = "admin, auditor, security, member (default: member).")
    List<String> roles = List.of();

    @Option(
        names = "--email",
        paramLabel = "ADDRESS",
        description = "E-mail address (default: the username if it is one).")
    String email;

    @Option(
        names = "--password-file",
        required = true,
        paramLabel = "FILE",
        description = "File holding the password (at least 12 characters).")
    Path passwordFile;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      char[] password = NodeOptions.readSecret(passwordFile);
      try (Node n = node.open()) {
        RequestContext ctx = n.installation().operatorContext();
        String orgName = org != null ? org : homeOrg(n, ctx);
        boolean exists =
            n.directory().organisations(ctx).stream().anyMatch(o -> o.name().equals(orgName));
        if (!exists) {
          n.directory().createOrganisation(ctx, orgName, partner ? OrgKind.PARTNER : OrgKind.HOME);
          spec.commandLine()
              .getOut()
              .println("created " + (partner ? "partner" : "home") + " organisation " + orgName);
        } else if (partner
            && n.directory().organisations(ctx).stream()
                .anyMatch(o -> o.name().equals(orgName) && o.kind() != OrgKind.PARTNER)) {
          throw new CordonException.InvalidInput(orgName + " exists and is not a partner");
        }
        String mail = email != null ? email : (username.contains("@") ? username : "");
        User u =
            n.directory()
                .createUser(
                    ctx,
                    username,
                    mail,
                    orgName,
                    new LinkedHashSet<>(roles),
                    Optional.of(password));
        spec.commandLine().getOut().println("created user " + u.username() + " (" + u.id() + ")");
        return ExitCodes.OK;
      } finally {
        Arrays.fill(password, '\0');
      }
    }

    private static String homeOrg(Node n, RequestContext ctx) {
      return n.directory().organisations(ctx).stream()
          .filter(o -> o.kind() == OrgKind.HOME)
          .findFirst()
          .orElseThrow()
          .name();
    }
  }
}
