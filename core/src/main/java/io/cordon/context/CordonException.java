package io.cordon.context;

/**
 * The one unchecked root of Cordon's errors. Each subclass names something a caller can act on;
 * channels translate them in exactly one place (problem+json for HTTP, exit codes for the CLI).
 * Messages are safe to show to the caller: they never carry secrets or stored content.
 */
public class CordonException extends RuntimeException {
  private final String type;

  protected CordonException(String type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  /** A stable short name for the kind of error, used as the last segment of problem types. */
  public String type() {
    return type;
  }

  /** The thing asked for does not exist (or the caller may not know that it does). */
  public static final class NotFound extends CordonException {
    public NotFound(String message) {
      super("not-found", message, null);
    }
  }

  /** The request conflicts with the current state (a duplicate name, an initialised directory). */
  public static final class Conflict extends CordonException {
    public Conflict(String message) {
      super("conflict", message, null);
    }
  }

  /** Policy denied the request; the message is the policy's reason. */
  public static final class Denied extends CordonException {
    public Denied(String message) {
      super("denied", message, null);
    }

    private Denied(String type, String message) {
      super(type, message, null);
    }

    /**
     * Policy would permit once the requester states why (the {@code justification-required}
     * obligation); problem type {@code justification-required}.
     */
    public static Denied justificationRequired(String message) {
      return new Denied("justification-required", message);
    }
  }

  /** The caller must re-authenticate with a second factor, then retry. */
  public static final class StepUpRequired extends CordonException {
    private final boolean phishingResistant;

    public StepUpRequired(String message) {
      this(message, false);
    }

    /**
     * @param phishingResistant whether only a phishing-resistant factor (a passkey) satisfies it
     */
    public StepUpRequired(String message, boolean phishingResistant) {
      super("step-up", message, null);
      this.phishingResistant = phishingResistant;
    }

    public boolean phishingResistant() {
      return phishingResistant;
    }
  }

  /** No valid credentials: wrong password, expired or revoked token or session. */
  public static final class Unauthenticated extends CordonException {
    public Unauthenticated(String message) {
      super("unauthenticated", message, null);
    }
  }

  /** Too many attempts; the caller must wait. */
  public static final class Throttled extends CordonException {
    private final long retryAfterSeconds;

    public Throttled(String message, long retryAfterSeconds) {
      super("throttled", message, null);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The input is malformed, out of range or otherwise unacceptable. */
  public static final class InvalidInput extends CordonException {
    public InvalidInput(String message) {
      super("invalid-input", message, null);
    }
  }

  /** The thing existed but is gone for good (content whose key was destroyed). */
  public static final class Gone extends CordonException {
    public Gone(String message) {
      super("gone", message, null);
    }
  }

  /**
   * A grant the caller held has run out for good: a share past its expiry or its download limit, or
   * revoked. The type names which ({@code share-expired}, {@code share-exhausted}, {@code
   * share-revoked}), so a client can tell the recipient why.
   */
  public static final class Lapsed extends CordonException {
    public Lapsed(String type, String message) {
      super(type, message, null);
    }
  }

  /**
   * A legal hold forbids the request (deleting, purging or crypto-shredding held records). The
   * message names the hold, so that the caller knows whom to ask to release it.
   */
  public static final class LegalHold extends CordonException {
    public LegalHold(String message) {
      super("legal-hold", message, null);
    }
  }

  /** The record was deleted (soft delete): it is kept, but no longer served until restored. */
  public static final class Deleted extends CordonException {
    public Deleted(String message) {
      super("deleted", message, null);
    }
  }

  /** The request body is larger than the configured limit. */
  /** The request depends on something the server does not offer (e.g. a protocol version). */
  public static final class PreconditionFailed extends CordonException {
    public PreconditionFailed(String message) {
      super("precondition-failed", message, null);
    }
  }

  /**
   * The bytes received do not have the checksum the client announced for them (a tus chunk's {@code
   * Upload-Checksum}, or a file's announced SHA-256); nothing of them was kept.
   */
  public static final class ChecksumMismatch extends CordonException {
    public ChecksumMismatch(String message) {
      super("checksum-mismatch", message, null);
    }
  }

  public static final class TooLarge extends CordonException {
    public TooLarge(String message) {
      super("too-large", message, null);
    }
  }

  /** The content is of a type the operation cannot handle (a PDF rendition of a non-PDF). */
  public static final class UnsupportedMedia extends CordonException {
    public UnsupportedMedia(String message) {
      super("unsupported-media-type", message, null);
    }
  }

  /** A dependency (database, disk, key vault) cannot serve the request now. */
  public static final class Unavailable extends CordonException {
    public Unavailable(String message, Throwable cause) {
      super("unavailable", message, cause);
    }
  }

  /**
   * Storage has no space left for the request (a full disk); nothing of the request was kept. The
   * caller may retry once an operator has freed space.
   */
  public static final class InsufficientStorage extends CordonException {
    public InsufficientStorage(String message, Throwable cause) {
      super("insufficient-storage", message, cause);
    }
  }

  /**
   * Stored data failed an integrity check (a decryption or hash mismatch). The message is the same
   * for every cause, so that it cannot serve as an oracle.
   */
  public static final class IntegrityViolation extends CordonException {
    public IntegrityViolation(String message, Throwable cause) {
      super("integrity", message, cause);
    }
  }
}
