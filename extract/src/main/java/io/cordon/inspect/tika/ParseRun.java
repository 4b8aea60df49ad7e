package io.cordon.inspect.tika;

import io.cordon.inspect.Extraction.Status;
import io.cordon.inspect.ExtractionLimits;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The state of extracting one file, shared by the parser thread and the reader of its text: the
 * deadline and the first stop. Parsers catch and log many exceptions (embedded documents above
 * all), so a limit that trips is recorded here as well as thrown, and the verdict comes from here,
 * never from which exception surfaced. Thread-safe.
 */
final class ParseRun {
  /** Why extraction stopped early, and what that makes the verdict. */
  record Stop(Status status, String detail) {}

  /** Thrown where a limit trips; parsers see an I/O failure and unwind. */
  static final class Stopped extends IOException {
    private static final long serialVersionUID = 1L;

    Stopped(String detail) {
      super(detail);
    }
  }

  final ExtractionLimits limits;
  private final long deadlineNanos;
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private volatile String unreadableParts;
  private volatile int unreadableCount;

  ParseRun(ExtractionLimits limits) {
    this.limits = limits;
    this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
  }

  /** Records the first stop; later ones are consequences of it. */
  void stop(Status status, String detail) {
    stop.compareAndSet(null, new Stop(status, detail));
  }

  /** Records the stop and returns an exception to throw where it tripped. */
  Stopped stopped(Status status, String detail) {
    stop(status, detail);
    return new Stopped(detail);
  }

  Stop stop() {
    return stop.get();
  }

  boolean isStopped() {
    return stop.get() != null;
  }

  long nanosLeft() {
    return deadlineNanos - System.nanoTime();
  }

  /** Trips the time limit if it has passed; true when extraction must stop (for any reason). */
  boolean checkTime() {
    if (nanosLeft() <= 0) {
      stop(Status.TRUNCATED, "time limit of " + limits.timeout().toSeconds() + " s reached");
    }
    return isStopped();
  }

  private volatile int encryptedParts;

  /** An embedded part is encrypted: the file cannot be inspected whole. */
  void encryptedPart() {
    encryptedParts++;
  }

  int encryptedParts() {
    return encryptedParts;
  }

  /**
   * Takes in the parts a parser skipped and only noted in the metadata (an archive parser notes an
   * encrypted entry it cannot read rather than failing the whole archive).
   */
  void noteSkippedParts(Metadata metadata) {
    for (String trace :
        metadata.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM)) {
      if (trace.contains("EncryptedDocumentException")) {
        encryptedPart();
      } else {
        unreadablePart("a part the parser could not read");
      }
    }
  }

  /** An embedded part (an archive entry, an attachment) could not be read; the rest goes on. */
  synchronized void unreadablePart(String why) {
    unreadableCount++;
    if (unreadableParts == null) {
      unreadableParts = why;
    }
  }

  /** The first reason a part was unreadable and how many were, or null. */
  synchronized String unreadableParts() {
    return unreadableParts == null
        ? null
        : unreadableCount + " embedded part(s) could not be read (first: " + unreadableParts + ")";
  }
}
