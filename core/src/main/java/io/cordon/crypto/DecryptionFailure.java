package io.cordon.crypto;

import io.cordon.context.CordonException;

/**
 * The one error every failed decryption raises, whatever the cause (wrong key, wrong associated
 * data, tampering, truncation), so that failures cannot serve as an oracle. No cause is attached:
 * the difference between causes must not leak into logs or responses either.
 */
public final class DecryptionFailure {
  /** The message of every decryption failure. */
  public static final String MESSAGE =
      "the data could not be decrypted: it is corrupt, was tampered with, or belongs elsewhere";

  private DecryptionFailure() {}

  public static CordonException.IntegrityViolation violation() {
    return new CordonException.IntegrityViolation(MESSAGE, null);
  }
}
