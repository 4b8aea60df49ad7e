package io.cordon.policy;

import java.util.List;

/**
 * The answer of the policy engine. Every decision carries the rules that produced it, so that it
 * can explain itself; a permit also carries the obligations the channel must honour.
 */
public sealed interface Decision {
  /** Human-readable reason, safe to show to the requester. */
  String reason();

  /** Ids of the rules that matched. */
  List<String> rules();

  /**
   * Permitted, on the condition that the caller honours every obligation (a {@code view-only}
   * permit refuses a download of the bytes, for example).
   */
  record Permit(String reason, List<String> rules, List<Obligation> obligations)
      implements Decision {
    public Permit {
      rules = List.copyOf(rules);
      obligations = obligations == null ? List.of() : List.copyOf(obligations);
    }

    /** A permit without obligations. */
    public Permit(String reason, List<String> rules) {
      this(reason, rules, List.of());
    }

    public boolean obliges(Obligation obligation) {
      return obligations.contains(obligation);
    }
  }

  record Deny(String reason, List<String> rules) implements Decision {
    public Deny {
      rules = List.copyOf(rules);
    }
  }

  /**
   * Permitted after the subject re-authenticates with a second factor.
   *
   * @param phishingResistant whether only a phishing-resistant factor (a passkey) would do: the
   *     rule asks for {@code subject.phishingResistant}
   */
  record StepUp(String reason, List<String> rules, boolean phishingResistant) implements Decision {
    public StepUp {
      rules = List.copyOf(rules);
    }

    public StepUp(String reason, List<String> rules) {
      this(reason, rules, false);
    }
  }
}
