package io.cordon.policy.internal;

/** A load error at one line of a policy document; the parser collects them. */
final class Invalid extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  Invalid(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
