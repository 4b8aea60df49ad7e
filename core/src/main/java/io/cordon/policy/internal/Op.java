package io.cordon.policy.internal;

import java.util.List;

/** One operator of a condition as written: {@code atLeast: confidential} on line 12. */
record Op(String name, List<String> values, int line) {
  Op {
    values = List.copyOf(values);
  }

  String single() {
    return values.get(0);
  }
}
