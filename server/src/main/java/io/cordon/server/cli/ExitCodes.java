package io.cordon.server.cli;

import io.cordon.context.CordonException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place CLI errors become exit codes (API.md): 0 success, 1 a check failed, 2 bad usage or
 * input; Cordon adds 3 for an environment that failed (database, key vault, disk).
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int ENVIRONMENT = 3;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (e instanceof CordonException ce) {
      err.println("cordon: " + ce.getMessage());
      return switch (ce) {
        case CordonException.Unavailable u -> ENVIRONMENT;
        case CordonException.InsufficientStorage s -> ENVIRONMENT;
        case CordonException.IntegrityViolation i -> CHECK_FAILED;
        default -> BAD_INPUT;
      };
    }
    if (e instanceof java.io.IOException io) {
      err.println("cordon: " + io.getMessage());
      return ENVIRONMENT;
    }
    err.println("cordon: unexpected error: " + e);
    return ENVIRONMENT;
  }
}
