package io.cordon.policy.internal;

/** The value type of a policy attribute; it decides which operators apply and how it is stored. */
enum Kind {
  /** true or false. */
  BOOL,
  /** One value of a closed, declared domain (possibly ordered, as classification). */
  CHOICE,
  /** One free-form text value (an org id, a zone name, a country code). */
  TEXT,
  /** A set of values of a closed domain (data types). */
  CHOICE_SET,
  /** A set of free-form values (roles, trainings). */
  TEXT_SET,
  /** A decimal number, compared at a resolution of one millionth. */
  NUMBER,
  /** A duration, compared in seconds; written {@code 90s}, {@code 15m}, {@code 12h}, {@code 7d}. */
  DURATION,
  /** A time of day in the policy's time zone, {@code HH:mm}, compared in minutes. */
  TIME
}
