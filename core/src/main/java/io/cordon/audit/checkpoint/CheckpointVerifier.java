package io.cordon.audit.checkpoint;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies signed checkpoints against one trusted key, in the order c2sp.org/signed-note requires:
 * the note is parsed strictly, signatures by other keys are ignored (witness cosignatures, say),
 * every signature by the trusted key must verify and there must be one, and only then is the text
 * read as a checkpoint, which must come from the expected origin.
 *
 * <p>Immutable and thread-safe.
 */
public final class CheckpointVerifier {
  private final VerifierKey key;
  private final String origin;
  private final NoteLimits limits;

  /** Trusts {@code key} for checkpoints of the log named like the key (Cordon's convention). */
  public CheckpointVerifier(VerifierKey key) {
    this(key, key.name(), NoteLimits.DEFAULTS);
  }

  /** Trusts {@code key} for checkpoints whose origin line is {@code origin}. */
  public CheckpointVerifier(VerifierKey key, String origin, NoteLimits limits) {
    if (key == null || origin == null || limits == null) {
      throw new IllegalArgumentException("a checkpoint verifier needs a key, an origin and limits");
    }
    this.key = key;
    this.origin = origin;
    this.limits = limits;
  }

  /** Verifies {@code note}, the bytes of a signed checkpoint as received. */
  public CheckpointResult verify(byte[] note) {
    if (note == null) {
      return rejected("no note");
    }
    SignedNote parsed;
    try {
      parsed = SignedNote.parse(note, limits);
    } catch (CordonException.InvalidInput | CordonException.TooLarge e) {
      return rejected("malformed note: " + e.getMessage());
    }
    List<NoteSignature> ours = parsed.signaturesBy(key);
    if (ours.isEmpty()) {
      return rejected("no signature by " + keyLabel());
    }
    byte[] text = parsed.text().getBytes(StandardCharsets.UTF_8);
    for (NoteSignature signature : ours) {
      if (!key.verifies(text, signature.signature())) {
        return rejected("a signature by " + keyLabel() + " does not verify");
      }
    }
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.fromBody(parsed.text());
    } catch (CordonException.InvalidInput e) {
      return rejected("malformed checkpoint: " + e.getMessage());
    }
    if (!checkpoint.origin().equals(origin)) {
      return rejected("the checkpoint is of " + checkpoint.origin() + ", not " + origin);
    }
    return new CheckpointResult.Verified(checkpoint);
  }

  private String keyLabel() {
    return key.name() + "+" + HexFormat.of().toHexDigits(key.keyId());
  }

  private static CheckpointResult rejected(String reason) {
    return new CheckpointResult.Rejected(reason);
  }
}
