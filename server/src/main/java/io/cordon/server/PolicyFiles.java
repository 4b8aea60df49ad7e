package io.cordon.server;

import io.cordon.context.CordonException;
import io.cordon.policy.PolicySet;
import io.cordon.policy.PolicySource;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The policy documents of {@code policy.dir}: every {@code *.yaml} file directly in it (sorted by
 * name), or the default CDMO set when no directory is configured. Reads files only; compiling is
 * {@link PolicySet}'s.
 */
public final class PolicyFiles {
  /** A document larger than this is refused before it is read. */
  static final long MAX_BYTES = 1 << 20;

  private PolicyFiles() {}

  /** The policy set of a configured directory, or the defaults; invalid documents throw. */
  public static PolicySet load(Optional<Path> dir) {
    return dir.map(d -> PolicySet.compile(read(d))).orElseGet(PolicySet::defaults);
  }

  /** The documents of a directory, sorted by file name; none is an error. */
  public static List<PolicySource> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CordonException.InvalidInput("policy directory " + dir + " does not exist");
    }
    List<PolicySource> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(PolicyFiles::isDocument).sorted().toList()) {
        if (Files.size(f) > MAX_BYTES) {
          throw new CordonException.InvalidInput(
              f.getFileName() + " is larger than " + MAX_BYTES + " bytes");
        }
        out.add(new PolicySource(f.getFileName().toString(), utf8(f)));
      }
    } catch (IOException e) {
      throw new CordonException.InvalidInput("cannot read policy directory " + dir + ": " + e);
    }
    if (out.isEmpty()) {
      throw new CordonException.InvalidInput("policy directory " + dir + " has no *.yaml files");
    }
    return out;
  }

  private static boolean isDocument(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") && !name.startsWith(".") && Files.isRegularFile(p);
  }

  private static String utf8(Path f) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CordonException.InvalidInput(f.getFileName() + " is not UTF-8 text");
    }
  }
}
