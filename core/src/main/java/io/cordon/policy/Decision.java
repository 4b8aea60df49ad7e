package io.cordon.policy;

import java.util.List;

/**
 * The answer of the policy engine. Every decision carries the rules that produced it, so that it
 * can explain itself.
 */
public sealed interface Decision {
  /** Human-readable reason, safe to show to the requester. */
  String reason();

  /** Ids of the rules that matched. */
  List<String> rules();

  record Permit(String reason, List<String> rules) implements Decision {
    public Permit {
      rules = List.copyOf(rules);
    }
  }

  record Deny(String reason, List<String> rules) implements Decision {
    public Deny {
      rules = List.copyOf(rules);
    }
  }

  /** Permitted after the subject re-authenticates with a second factor. */
  record StepUp(String reason, List<String> rules) implements Decision {
    public StepUp {
      rules = List.copyOf(rules);
    }
  }
}
