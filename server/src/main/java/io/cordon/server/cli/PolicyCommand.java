package io.cordon.server.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cordon.context.CordonException;
import io.cordon.policy.PolicyCase;
import io.cordon.policy.PolicySet;
import io.cordon.server.PolicyFiles;
import io.cordon.server.config.CordonConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cordon policy}: the policy documents. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Policy documents.",
    subcommands = PolicyCommand.Test.class)
public final class PolicyCommand {
  /**
   * {@code cordon policy test FILE}: runs a file of cases (request → expected decision) against the
   * configured policy or {@code --policy DIR}; exit 0 all pass, 1 a case failed, 2 a malformed
   * file, a file without cases, or a policy that does not load.
   */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Run a policy test file; exit 1 if a case fails, 2 if the file or policy is bad.")
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NodeOptions node = new NodeOptions();

    @Parameters(paramLabel = "FILE", description = "YAML test cases (cases: [...]).")
    Path file;

    @Option(
        names = "--policy",
        paramLabel = "DIR",
        description = "Policy directory to test (default: policy.dir, else the default CDMO set).")
    Path policyDir;

    @Override
    public Integer call() throws IOException {
      List<PolicyCase> cases = PolicyCase.parseAll(read(file));
      PolicySet policy = PolicyFiles.load(Optional.ofNullable(policyDir).or(this::configured));
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      for (PolicyCase c : cases) {
        Optional<String> failure = c.check(policy);
        if (failure.isPresent()) {
          failed++;
          out.println("FAIL " + c.name() + ": " + failure.get());
        }
      }
      out.printf(
          "%d cases, %d passed, %d failed (policy %s, sha256 %s)%n",
          cases.size(), cases.size() - failed, failed, policy.version(), policy.sha256());
      return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private Optional<Path> configured() {
      CordonConfig config = node.config();
      return config.policy().dir();
    }

    private static JsonNode read(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new CordonException.InvalidInput("no such test file: " + file);
      }
      if (Files.size(file) > 4L << 20) {
        throw new CordonException.InvalidInput("the test file is larger than 4 MiB");
      }
      try {
        return new YAMLMapper().readTree(file.toFile());
      } catch (JacksonException e) {
        throw new CordonException.InvalidInput(
            "malformed test file: "
                + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
      }
    }
  }
}
