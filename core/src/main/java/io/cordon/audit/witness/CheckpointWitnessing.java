package io.cordon.audit.witness;

import io.cordon.audit.AuditTree;
import io.cordon.audit.CheckpointSink;
import io.cordon.audit.StoredCheckpoint;
import io.cordon.audit.StoredCosignature;
import io.cordon.audit.checkpoint.NoteLimits;
import io.cordon.audit.checkpoint.NoteSignature;
import io.cordon.audit.checkpoint.SignedNote;
import io.cordon.context.CordonException;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cordon as a log (c2sp.org/tlog-witness, client side): submits a signed checkpoint to each
 * configured witness with a consistency proof from the last checkpoint that witness cosigned,
 * retries once from the size a witness answers with a 409, verifies the returned cosignature with
 * the witness's configured key before storing it, and exports the note with its cosignatures. One
 * witness's failure is logged and does not stop the others; the next checkpoint tries again.
 *
 * <p>Runs on whatever thread calls {@link #submit} (a background loop: network waits must never
 * hold up signing or appends). Thread-safe.
 */
public final class CheckpointWitnessing {
  /** The media type of a witness's 409 answer: its latest size in decimal and a newline. */
  public static final String SIZE_TYPE = "text/x.tlog.size";

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWitnessing.class);
  private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]{0,18})\n");

  private final MetadataStore store;
  private final AuditTree tree;
  private final List<Witness> witnesses;
  private final WitnessTransport transport;
  private final CheckpointSink export;

  public CheckpointWitnessing(
      MetadataStore store,
      AuditTree tree,
      List<Witness> witnesses,
      WitnessTransport transport,
      CheckpointSink export) {
    this.store = store;
    this.tree = tree;
    this.witnesses = List.copyOf(witnesses);
    this.transport = transport;
    this.export = export;
  }

  public boolean hasWitnesses() {
    return !witnesses.isEmpty();
  }

  /**
   * Asks every witness that has not cosigned {@code checkpoint} (or a later one) to cosign it.
   *
   * @return how many new cosignatures were stored
   */
  public int submit(StoredCheckpoint checkpoint) {
    int added = 0;
    for (Witness witness : witnesses) {
      try {
        if (submitTo(witness, checkpoint)) {
          added++;
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "witness {} did not cosign the checkpoint of {} events: {}",
            witness.name(),
            checkpoint.treeSize(),
            e.getMessage());
      }
    }
    if (added > 0) {
      List<StoredCosignature> all =
          store.read((Transaction tx) -> tx.cosignatures().forCheckpoint(checkpoint.treeSize()));
      export.publish(checkpoint.withCosignatures(all));
    }
    return added;
  }

  private boolean submitTo(Witness witness, StoredCheckpoint checkpoint) {
    long size = checkpoint.treeSize();
    long last =
        store.read((Transaction tx) -> tx.cosignatures().latestSize(witness.name())).orElse(0L);
    if (last >= size) {
      return false;
    }
    WitnessTransport.Answer answer = transport.addCheckpoint(witness, request(last, checkpoint));
    OptionalLong theirs = conflictSize(answer);
    if (theirs.isPresent() && theirs.getAsLong() != last && theirs.getAsLong() <= size) {
      // The witness saw a later checkpoint than we recorded (another node's, or our record was
      // lost): prove consistency from where it stands, once.
      answer = transport.addCheckpoint(witness, request(theirs.getAsLong(), checkpoint));
    } else if (theirs.isPresent() && theirs.getAsLong() > size) {
      LOG.info("witness {} has already cosigned size {}", witness.name(), theirs.getAsLong());
      return false;
    }
    if (answer.status() != 200) {
      throw new CordonException.Unavailable(
          "it answered " + answer.status() + ": " + excerpt(answer.body()), null);
    }
    StoredCosignature cosignature = verified(witness, checkpoint, answer.body());
    store.inTransaction(
        tx -> {
          tx.cosignatures().insert(cosignature);
          return null;
        });
    return true;
  }

  private byte[] request(long oldSize, StoredCheckpoint checkpoint) {
    long size = checkpoint.treeSize();
    List<byte[]> proof = List.of();
    if (oldSize > 0 && oldSize < size) {
      if (tree.size() < size) {
        tree.catchUp();
      }
      proof = tree.consistencyProof(oldSize, size).hashes();
    }
    return new AddCheckpointRequest(
            oldSize, proof, checkpoint.note().getBytes(StandardCharsets.UTF_8))
        .encoded();
  }

  private static OptionalLong conflictSize(WitnessTransport.Answer answer) {
    if (answer.status() != 409 || !SIZE_TYPE.equals(answer.contentType())) {
      return OptionalLong.empty();
    }
    String body = new String(answer.body(), StandardCharsets.US_ASCII);
    if (!SIZE.matcher(body).matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(body.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The witness's valid cosignature among the lines it returned, checked with its known key. */
  private static StoredCosignature verified(
      Witness witness, StoredCheckpoint checkpoint, byte[] lines) {
    // As c2sp.org/tlog-witness suggests: append the lines to the note and read it as a whole.
    byte[] note =
        (checkpoint.note() + new String(lines, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    SignedNote parsed = SignedNote.parse(note, NoteLimits.DEFAULTS);
    for (NoteSignature signature : parsed.signatures()) {
      OptionalLong time = witness.key().verify(parsed.text(), signature);
      if (time.isPresent()) {
        return new StoredCosignature(
            checkpoint.treeSize(),
            witness.name(),
            signature.line(),
            Instant.ofEpochSecond(time.getAsLong()));
      }
    }
    throw new CordonException.IntegrityViolation(
        "its answer holds no valid cosignature by " + witness.key().encoded(), null);
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return text.replaceAll("[\\p{Cntrl}]", " ").strip();
  }
}
