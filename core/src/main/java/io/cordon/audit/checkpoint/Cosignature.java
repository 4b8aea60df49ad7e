package io.cordon.audit.checkpoint;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;

/**
 * The signed message of an Ed25519 cosignature (c2sp.org/tlog-cosignature, "Ed25519 signed
 * message"): the header line {@code cosignature/v1}, the line {@code time <POSIX seconds>}, then
 * the whole note text of the cosigned checkpoint, each line ending in a newline. The signature
 * itself is the 8-byte big-endian timestamp followed by the 64-byte Ed25519 signature of this
 * message.
 */
public final class Cosignature {
  private Cosignature() {}

  /** The bytes a cosigner signs for {@code checkpointText} at {@code timestamp}. */
  public static byte[] message(long timestamp, String checkpointText) {
    if (timestamp < 0) {
      throw new CordonException.InvalidInput("a cosignature's time is at least 0");
    }
    if (checkpointText == null || !checkpointText.endsWith("\n")) {
      throw new CordonException.InvalidInput("a checkpoint's text ends in a newline");
    }
    return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText)
        .getBytes(StandardCharsets.UTF_8);
  }
}
