package io.cordon.server.robust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code cordon serve} run as its own JVM ({@code java -jar target/cordon.jar}, as the
 * launcher runs it), so that a test can do to it what happens to a real server: kill it. Maven
 * packages the jar before the integration tests run. Output is drained continuously (a full pipe
 * would stall the server) and kept for assertion messages.
 */
final class CordonProcess implements AutoCloseable {
  private static final Pattern SERVING =
      Pattern.compile("Cordon is serving https://127\\.0\\.0\\.1:(\\d+)/");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private final Thread outReader;
  private final Thread errReader;
  private int port;

  private CordonProcess(Process process) {
    this.process = process;
    this.outReader = drain(process.getInputStream(), out);
    this.errReader = drain(process.getErrorStream(), err);
  }

  /** Starts {@code cordon serve} on an ephemeral port and waits until it is listening. */
  static CordonProcess serve(Path dataDir) throws Exception {
    CordonProcess p =
        new CordonProcess(
            start("serve", "--data", dataDir.toString(), "--bind", "127.0.0.1", "--port", "0"));
    try {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (true) {
        Matcher m = SERVING.matcher(p.out);
        if (m.find()) {
          p.port = Integer.parseInt(m.group(1));
          return p;
        }
        if (!p.process.isAlive()) {
          throw new AssertionError("cordon serve exited early\n" + p);
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("cordon serve did not start listening\n" + p);
        }
        Thread.sleep(20);
      }
    } catch (Exception | Error e) {
      p.close();
      throw e;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Standard output so far. */
  String out() {
    return out.toString();
  }

  /** Standard error so far (the server's log). */
  String err() {
    return err.toString();
  }

  /**
   * Kills the process without warning (on Linux {@link Process#destroyForcibly()} sends SIGKILL: no
   * shutdown hook, no finally block, no flush runs) and answers its exit status.
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the process survived SIGKILL");
    }
    return process.exitValue();
  }

  /** Asks the server to stop (SIGTERM, as Ctrl-C or a service manager does) and waits. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not stop on SIGTERM\n" + this);
    }
    return process.exitValue();
  }

  /** Kills what is still running, so that no server outlives its test. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Process start(String... args) throws IOException {
    Path jar = jar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // The process's configuration comes from the data directory, not from this machine's shell.
    builder.environment().keySet().removeIf(k -> k.startsWith("CORDON_"));
    return builder.start();
  }

  /** The jar that {@code mvn package} built, with its libraries in {@code target/lib}. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("basedir", "."), "target", "cordon.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
      throw new AssertionError(
          "no packaged server at " + jar + ": run the integration tests through mvn verify");
    }
    return jar;
  }

  private static Thread drain(InputStream stream, StringBuffer into) {
    return Thread.ofPlatform()
        .daemon()
        .name("cordon-process-output")
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  into.append(line).append('\n');
                }
              } catch (IOException closed) {
                // The process ended.
              }
            });
  }

  private String describe() {
    return "--- out\n" + out + "--- err\n" + err;
  }

  @Override
  public String toString() {
    return "cordon process " + process.pid() + "\n" + describe();
  }
}
