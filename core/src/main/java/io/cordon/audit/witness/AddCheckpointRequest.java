package io.cordon.audit.witness;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a c2sp.org/tlog-witness {@code add-checkpoint} request: an {@code old <size>} line,
 * up to 63 consistency-proof lines (one base64 hash each), an empty line, then the signed
 * checkpoint note. Parsing is strict (canonical decimal and base64, every line ending in a newline)
 * and checks no signature. Immutable; arrays are copied in and out.
 *
 * @param oldSize the size of the latest checkpoint the submitter believes the witness cosigned
 * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
 * @param note the signed checkpoint note, as received
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, byte[] note) {
  /** The most proof lines the protocol allows. */
  public static final int MAX_PROOF_LINES = 63;

  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
  private static final int HASH_BYTES = 32;

  public AddCheckpointRequest {
    if (oldSize < 0 || proof == null || note == null) {
      throw new CordonException.InvalidInput("an add-checkpoint request is incomplete");
    }
    proof = proof.stream().map(byte[]::clone).toList();
    note = note.clone();
  }

  /**
   * Reads a request body.
   *
   * @throws CordonException.InvalidInput if it is not one
   */
  public static AddCheckpointRequest parse(byte[] body) {
    int at = 0;
    int end = lineEnd(body, at);
    String oldLine = ascii(body, at, end);
    if (!oldLine.startsWith("old ") || !SIZE.matcher(oldLine.substring(4)).matches()) {
      throw new CordonException.InvalidInput(
          "the body starts with 'old <size>': a decimal size without leading zeroes");
    }
    long oldSize = parseSize(oldLine.substring(4));
    List<byte[]> proof = new ArrayList<>();
    at = end + 1;
    while (true) {
      end = lineEnd(body, at);
      if (end == at) {
        break; // the empty line before the checkpoint
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw new CordonException.InvalidInput(
            "a consistency proof has at most " + MAX_PROOF_LINES + " lines");
      }
      proof.add(hash(ascii(body, at, end)));
      at = end + 1;
    }
    byte[] note = Arrays.copyOfRange(body, end + 1, body.length);
    if (note.length == 0) {
      throw new CordonException.InvalidInput("a checkpoint follows the empty line");
    }
    return new AddCheckpointRequest(oldSize, proof, note);
  }

  /** The body of this request, as a log sends it. */
  public byte[] encoded() {
    StringBuilder head = new StringBuilder("old ").append(oldSize).append('\n');
    proof.forEach(h -> head.append(Base64.getEncoder().encodeToString(h)).append('\n'));
    head.append('\n');
    byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(start, start.length + note.length);
    System.arraycopy(note, 0, out, start.length, note.length);
    return out;
  }

  @Override
  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] note() {
    return note.clone();
  }

  private static int lineEnd(byte[] body, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    throw new CordonException.InvalidInput(
        "every line of the request header ends in a newline, and an empty line ends the header");
  }

  private static String ascii(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] < 0x20 || body[i] > 0x7e) {
        throw new CordonException.InvalidInput("the request header is printable ASCII");
      }
    }
    return new String(body, from, to - from, StandardCharsets.US_ASCII);
  }

  private static long parseSize(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new CordonException.InvalidInput("the old size is out of range");
    }
  }

  private static byte[] hash(String line) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      throw new CordonException.InvalidInput("a proof line is one base64 hash");
    }
    if (decoded.length != HASH_BYTES || !Base64.getEncoder().encodeToString(decoded).equals(line)) {
      throw new CordonException.InvalidInput("a proof line is one canonical base64 32-byte hash");
    }
    return decoded;
  }
}
