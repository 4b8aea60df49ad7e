package io.cordon.audit.checkpoint;

import io.cordon.audit.tree.MerkleHashes;
import io.cordon.context.CordonException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The body of a checkpoint (c2sp.org/tlog-checkpoint): the log's origin, its tree size and the root
 * hash of its Merkle tree at that size, as three lines: {@code <origin>\n<size in decimal>\n<base64
 * root>\n}. Cordon writes no extension lines and accepts none (API.md "Checkpoint format" fixes
 * three lines), and reads only the canonical form of each line, so that a signed checkpoint has
 * exactly one spelling.
 *
 * <p>Immutable; the root hash is copied in and out.
 *
 * @param origin the log's identity, e.g. {@code cordon/<install id>}: non-empty, one line
 * @param treeSize the number of leaves, at least 0
 * @param rootHash the RFC 9162 root of the first {@code treeSize} leaves, 32 bytes
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {
  // ASCII digits only, no sign, no leading zero, at most 19 digits (Long.parseLong alone would
  // take "+5" and non-ASCII digits).
  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

  public Checkpoint {
    if (origin == null
        || origin.isEmpty()
        || origin.indexOf('\n') >= 0
        || !NoteText.isAllowed(origin)) {
      throw new CordonException.InvalidInput("a checkpoint's origin is one non-empty line");
    }
    if (treeSize < 0) {
      throw new CordonException.InvalidInput("a checkpoint's tree size is at least 0");
    }
    if (!MerkleHashes.isHash(rootHash)) {
      throw new CordonException.InvalidInput("a checkpoint's root hash has 32 bytes");
    }
    rootHash = rootHash.clone();
  }

  /**
   * Reads a checkpoint body: exactly three non-empty lines, each ending in a newline, with a
   * canonical decimal size and a canonical base64 32-byte root.
   *
   * @throws CordonException.InvalidInput otherwise
   */
  public static Checkpoint fromBody(String body) {
    if (body == null || !body.endsWith("\n")) {
      throw new CordonException.InvalidInput("a checkpoint body ends in a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length != 3) {
      throw new CordonException.InvalidInput(
          "a checkpoint body is three lines (origin, size, root), not " + lines.length);
    }
    if (!SIZE.matcher(lines[1]).matches()) {
      throw new CordonException.InvalidInput("a checkpoint's tree size is canonical decimal");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new CordonException.InvalidInput("a checkpoint's tree size is out of range");
    }
    byte[] root = CanonicalBase64.decode(lines[2], "a checkpoint's root hash");
    return new Checkpoint(lines[0], size, root);
  }

  /** The note text of this checkpoint: the three lines, each ending in a newline. */
  public String body() {
    return origin + "\n" + treeSize + "\n" + CanonicalBase64.encode(rootHash) + "\n";
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that
        && origin.equals(that.origin)
        && treeSize == that.treeSize
        && Arrays.equals(rootHash, that.rootHash);
  }

  @Override
  public int hashCode() {
    return (origin.hashCode() * 31 + Long.hashCode(treeSize)) * 31 + Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "Checkpoint["
        + origin
        + ", "
        + treeSize
        + ", "
        + HexFormat.of().formatHex(rootHash)
        + "]";
  }
}
