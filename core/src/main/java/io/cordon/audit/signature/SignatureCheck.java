package io.cordon.audit.signature;

/** The outcome of verifying one signature record against the record and content as stored now. */
public sealed interface SignatureCheck {
  boolean isValid();

  /** The seal matches the record, and the record still names the content it was made for. */
  record Valid() implements SignatureCheck {
    @Override
    public boolean isValid() {
      return true;
    }
  }

  /** Verification failed; {@code reason} says which binding broke. */
  record Invalid(String reason) implements SignatureCheck {
    @Override
    public boolean isValid() {
      return false;
    }
  }
}
