package io.cordon.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, throwaway SoftHSM2 token for PKCS#11 tests. SoftHSM2 reads its configuration from the
 * {@code SOFTHSM2_CONF} environment variable once, when the library loads, and a running JVM cannot
 * change its environment: so the build sets the variable for test JVMs (to {@code
 * target/softhsm/softhsm2.conf}) and this fixture writes that file, then initialises tokens with
 * {@code softhsm2-util} under the same variable.
 *
 * <p>SoftHSM2 only sees the tokens that existed when its library loaded into the process (a later
 * token's slot is {@code CKR_SLOT_ID_INVALID}). So the first call initialises a small pool of
 * tokens in a cleared token directory, before any test can load the library, and each {@link
 * #fresh()} hands out one that no other test in this JVM has used.
 *
 * <p>Without SoftHSM2 the calling test is skipped, except on CI ({@code CI=true}), where it fails.
 *
 * @param library the PKCS#11 module
 * @param slot the new token's slot id
 * @param label the new token's label
 * @param pinFile a mode-0600 file holding the user PIN
 * @param userPin the user PIN (a throwaway test value)
 */
public record SoftHsmToken(Path library, long slot, String label, Path pinFile, String userPin) {
  private static final List<String> LIBRARY_CANDIDATES =
      List.of(
          "/usr/lib/softhsm/libsofthsm2.so",
          "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
          "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
          "/usr/local/lib/softhsm/libsofthsm2.so",
          "/opt/homebrew/lib/softhsm/libsofthsm2.so");
  private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

  private static final int POOL_SIZE = 4;
  private static List<SoftHsmToken> pool;
  private static int handedOut;

  /** A token labelled {@code cordon-<random>} that no other test in this JVM has used. */
  public static synchronized SoftHsmToken fresh() {
    if (pool == null) {
      pool = createPool();
    }
    if (handedOut == pool.size()) {
      return fail(
          "all "
              + POOL_SIZE
              + " SoftHSM2 tokens of this JVM are in use; SoftHSM2 sees only tokens that existed"
              + " when its library loaded, so raise SoftHsmToken.POOL_SIZE");
    }
    return pool.get(handedOut++);
  }

  private static List<SoftHsmToken> createPool() {
    Path conf = configPath();
    Path library = findLibrary();
    String util = executable("softhsm2-util");
    try {
      Path tokens = conf.getParent().resolve("tokens");
      deleteRecursively(tokens);
      Files.createDirectories(tokens);
      Files.writeString(
          conf,
          "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n",
          StandardCharsets.UTF_8);
      List<SoftHsmToken> created = new java.util.ArrayList<>();
      for (int i = 0; i < POOL_SIZE; i++) {
        created.add(initialise(conf, library, util));
      }
      return List.copyOf(created);
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up SoftHSM2 tokens", e);
    }
  }

  private static SoftHsmToken initialise(Path conf, Path library, String util) {
    try {
      String label = "cordon-" + random(6);
      String pin = random(8);
      String output =
          run(
              conf,
              util,
              "--init-token",
              "--free",
              "--label",
              label,
              "--so-pin",
              random(8),
              "--pin",
              pin);
      Matcher m = SLOT.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("softhsm2-util printed no slot: " + output);
      }
      Path pinFile = conf.getParent().resolve(label + ".pin");
      Files.writeString(pinFile, pin + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(pinFile, PosixFilePermissions.fromString("rw-------"));
      return new SoftHsmToken(library, Long.parseLong(m.group(1)), label, pinFile, pin);
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up a SoftHSM2 token", e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Runs OpenSC's {@code pkcs11-tool} against this token (logged in) with the given arguments, for
   * independent checks of object attributes; empty if pkcs11-tool is not installed.
   */
  public Optional<String> pkcs11Tool(String... arguments) {
    Optional<String> tool = onPath("pkcs11-tool");
    if (tool.isEmpty()) {
      return Optional.empty();
    }
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                tool.get(),
                "--module",
                library.toString(),
                "--slot",
                Long.toString(slot),
                "--login",
                "--pin",
                userPin));
    command.addAll(List.of(arguments));
    return Optional.of(run(configPath(), command.toArray(String[]::new)));
  }

  private static Path configPath() {
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null || conf.isBlank()) {
      unavailable("SOFTHSM2_CONF is not set for this JVM (the build sets it for tests)");
    }
    return Paths.get(conf).toAbsolutePath();
  }

  private static Path findLibrary() {
    String configured = System.getenv("SOFTHSM2_LIBRARY");
    if (configured != null && !configured.isBlank()) {
      return Files.isRegularFile(Paths.get(configured))
          ? Paths.get(configured)
          : unavailable("SOFTHSM2_LIBRARY names no file");
    }
    for (String candidate : LIBRARY_CANDIDATES) {
      if (Files.isRegularFile(Paths.get(candidate))) {
        return Paths.get(candidate);
      }
    }
    return unavailable("libsofthsm2.so not found (install softhsm2 or set SOFTHSM2_LIBRARY)");
  }

  private static String executable(String name) {
    return onPath(name).orElseGet(() -> unavailable(name + " not found (install softhsm2)"));
  }

  private static Optional<String> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Paths.get(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  private static <T> T unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return fail("SoftHSM2 is required on CI: " + why);
    }
    Assumptions.abort("SoftHSM2 unavailable, skipping: " + why);
    throw new AssertionError("unreachable");
  }

  private static String run(Path conf, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("SOFTHSM2_CONF", conf.toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(command[0] + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command[0], e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public String toString() {
    return "SoftHsmToken[" + label + ", slot " + slot + "]";
  }
}
