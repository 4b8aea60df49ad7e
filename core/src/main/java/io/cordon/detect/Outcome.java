package io.cordon.detect;

/** An event's {@code outcome}; an absent or unknown outcome counts as {@link #SUCCESS}. */
public enum Outcome {
  SUCCESS,
  DENIED,
  ERROR
}
