package io.cordon.audit;

import io.cordon.context.CordonException;
import java.util.Arrays;
import java.util.Optional;

/** The checks of one stored event against the chain hash of the event before it. Stateless. */
final class RecordCheck {
  private RecordCheck() {}

  /**
   * Why {@code r} does not belong after an event whose chain hash is {@code previousChain}, or
   * empty when it does.
   */
  static Optional<String> fault(AuditRecord r, byte[] previousChain) {
    byte[] storedLeaf = r.leafHash();
    byte[] storedChain = r.chainHash();
    if (storedLeaf == null || storedChain == null) {
      return Optional.of("its hashes are missing");
    }
    if (!Arrays.equals(AuditChain.leafHash(r.leaf()), storedLeaf)) {
      return Optional.of("modified: its bytes do not match its leaf hash");
    }
    AuditEvent event;
    try {
      event = r.event();
    } catch (CordonException.InvalidInput e) {
      return Optional.of("not a well-formed event");
    }
    if (event.seq() != r.seq()) {
      return Optional.of("holds the event numbered " + event.seq() + ": moved or swapped");
    }
    if (!Arrays.equals(AuditChain.link(previousChain, storedLeaf), storedChain)) {
      return Optional.of(
          "the chain breaks here: this event was replaced, or one before it was inserted,"
              + " deleted or reordered");
    }
    return Optional.empty();
  }
}
