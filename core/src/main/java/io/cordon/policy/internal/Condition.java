package io.cordon.policy.internal;

import java.util.List;
import java.util.Set;

/**
 * One compiled condition on one attribute: all operators written for the attribute, folded into a
 * bit mask, an interval or a pair of value sets at load time, so that testing it reads one slot of
 * {@link Facts} and does no parsing. Immutable and thread-safe.
 */
abstract class Condition {
  final Attribute attribute;
  final String written;

  Condition(Attribute attribute, String written) {
    this.attribute = attribute;
    this.written = written;
  }

  /** Whether the request's value satisfies it; false when the attribute is absent. */
  abstract boolean test(Facts facts);

  /** Why it failed, for an explanation. */
  String failure(Facts facts) {
    return attribute.path() + " is " + facts.display(attribute) + ", wanted " + written;
  }

  static final class Exists extends Condition {
    private final boolean wanted;

    Exists(Attribute a, boolean wanted, String written) {
      super(a, written);
      this.wanted = wanted;
    }

    @Override
    boolean test(Facts f) {
      return f.isPresent(attribute) == wanted;
    }
  }

  /** BOOL and CHOICE: the value's bit must be in the mask. */
  static final class InMask extends Condition {
    private final long mask;

    InMask(Attribute a, long mask, String written) {
      super(a, written);
      this.mask = mask;
    }

    @Override
    boolean test(Facts f) {
      long n = f.number(attribute);
      return n != Facts.ABSENT && ((mask >>> n) & 1) != 0;
    }
  }

  /** NUMBER, DURATION, TIME: within [lo, hi]; a time interval with lo > hi wraps midnight. */
  static final class Range extends Condition {
    private final long lo;
    private final long hi;

    Range(Attribute a, long lo, long hi, String written) {
      super(a, written);
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    boolean test(Facts f) {
      long n = f.number(attribute);
      if (n == Facts.ABSENT) {
        return false;
      }
      return lo <= hi ? n >= lo && n <= hi : n >= lo || n <= hi;
    }
  }

  /** TEXT: in the allowed set (if any) and not in the forbidden set. */
  static final class Text extends Condition {
    private final Set<String> allowed;
    private final Set<String> forbidden;

    Text(Attribute a, Set<String> allowed, Set<String> forbidden, String written) {
      super(a, written);
      this.allowed = allowed == null ? null : Set.copyOf(allowed);
      this.forbidden = Set.copyOf(forbidden);
    }

    @Override
    boolean test(Facts f) {
      String v = f.text(attribute);
      return v != null && (allowed == null || allowed.contains(v)) && !forbidden.contains(v);
    }

    /** The one workspace a rule is about, so the index can file it under that workspace. */
    Set<String> allowed() {
      return allowed;
    }
  }

  /** CHOICE_SET: all of, any of (if non-zero), none of, as masks. */
  static final class MaskSet extends Condition {
    private final long all;
    private final long any;
    private final long none;

    MaskSet(Attribute a, long all, long any, long none, String written) {
      super(a, written);
      this.all = all;
      this.any = any;
      this.none = none;
    }

    @Override
    boolean test(Facts f) {
      long n = f.number(attribute);
      return n != Facts.ABSENT
          && (n & all) == all
          && (any == 0 || (n & any) != 0)
          && (n & none) == 0;
    }
  }

  /** TEXT_SET: all of, any of (if non-empty), none of. */
  static final class TextSet extends Condition {
    private final List<String> all;
    private final List<String> any;
    private final List<String> none;

    TextSet(Attribute a, Set<String> all, Set<String> any, Set<String> none, String written) {
      super(a, written);
      this.all = List.copyOf(all);
      this.any = List.copyOf(any);
      this.none = List.copyOf(none);
    }

    @Override
    boolean test(Facts f) {
      Set<String> v = f.set(attribute);
      if (v == null) {
        return false;
      }
      for (int i = 0; i < all.size(); i++) {
        if (!v.contains(all.get(i))) {
          return false;
        }
      }
      for (int i = 0; i < none.size(); i++) {
        if (v.contains(none.get(i))) {
          return false;
        }
      }
      if (any.isEmpty()) {
        return true;
      }
      for (int i = 0; i < any.size(); i++) {
        if (v.contains(any.get(i))) {
          return true;
        }
      }
      return false;
    }
  }
}
