package io.cordon.policy.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles the operators written for one attribute into one {@link Condition}, rejecting unknown
 * operators, values outside the attribute's domain, and combinations no value can satisfy (a rule
 * that can never match is a mistake, not a policy).
 */
final class Conditions {
  private static final Set<String> SCALAR_OPS = Set.of("is", "not", "in", "notIn", "exists");
  private static final Set<String> ORDER_OPS = Set.of("atLeast", "atMost", "between", "exists");
  private static final Set<String> SET_OPS =
      Set.of("contains", "containsAll", "containsAny", "containsNone", "exists");

  private Conditions() {}

  static Condition compile(Attribute a, List<Op> ops) throws Invalid {
    String written =
        ops.stream()
            .map(o -> o.name() + ": " + (o.values().size() == 1 ? o.single() : o.values()))
            .collect(Collectors.joining(", ", "{", "}"));
    int line = ops.get(0).line();
    for (Op op : ops) {
      if (!allowed(a.kind()).contains(op.name())) {
        throw new Invalid(
            op.line(),
            "unknown operator '"
                + op.name()
                + "' for "
                + a.path()
                + " (a "
                + a.kind().name().toLowerCase(java.util.Locale.ROOT)
                + "; operators: "
                + allowed(a.kind()).stream().sorted().toList()
                + ")");
      }
      if (op.values().isEmpty()) {
        throw new Invalid(op.line(), op.name() + " on " + a.path() + " needs at least one value");
      }
      boolean list =
          Set.of("in", "notIn", "containsAll", "containsAny", "containsNone", "between")
              .contains(op.name());
      if (!list && op.values().size() != 1) {
        throw new Invalid(op.line(), op.name() + " on " + a.path() + " takes one value");
      }
    }
    Op exists = ops.stream().filter(o -> o.name().equals("exists")).findFirst().orElse(null);
    if (exists != null) {
      boolean wanted = boolValue(exists, a);
      if (ops.size() == 1) {
        return new Condition.Exists(a, wanted, written);
      }
      if (!wanted) {
        throw new Invalid(
            line, "condition on " + a.path() + " can never match: exists: false with a value test");
      }
      ops = ops.stream().filter(o -> o != exists).toList(); // every value test implies presence
    }
    try {
      return switch (a.kind()) {
        case BOOL, CHOICE -> choice(a, ops, written, line);
        case TEXT -> text(a, ops, written, line);
        case NUMBER, DURATION, TIME -> range(a, ops, written, line);
        case CHOICE_SET -> choiceSet(a, ops, written, line);
        case TEXT_SET -> textSet(a, ops, written, line);
      };
    } catch (Values.BadValue e) {
      throw new Invalid(line, e.getMessage());
    }
  }

  private static Set<String> allowed(Kind k) {
    return switch (k) {
      case BOOL, TEXT -> SCALAR_OPS;
      case CHOICE -> union(SCALAR_OPS, Set.of("atLeast", "atMost"));
      case NUMBER, DURATION, TIME -> ORDER_OPS;
      case CHOICE_SET, TEXT_SET -> SET_OPS;
    };
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static boolean boolValue(Op op, Attribute a) throws Invalid {
    return switch (op.single()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new Invalid(op.line(), op.name() + " on " + a.path() + " is true or false");
    };
  }

  private static Condition choice(Attribute a, List<Op> ops, String written, int line)
      throws Values.BadValue, Invalid {
    int size = a.kind() == Kind.BOOL ? 2 : a.domain().size();
    long all = (1L << size) - 1;
    long mask = all;
    for (Op op : ops) {
      long m = 0;
      for (String v : op.values()) {
        m |= 1L << Values.parse(a, v);
      }
      long at = op.name().startsWith("at") ? Values.parse(a, op.single()) : 0;
      mask &=
          switch (op.name()) {
            case "is", "in" -> m;
            case "not", "notIn" -> all & ~m;
            case "atLeast" -> all & ~((1L << at) - 1);
            default -> (1L << (at + 1)) - 1; // atMost
          };
    }
    if (mask == 0) {
      throw new Invalid(line, "condition on " + a.path() + " can never match: " + written);
    }
    if (mask == all) {
      throw new Invalid(
          line, "condition on " + a.path() + " always holds when present: " + written);
    }
    return new Condition.InMask(a, mask, written);
  }

  private static Condition text(Attribute a, List<Op> ops, String written, int line)
      throws Invalid {
    Set<String> allowed = null;
    Set<String> forbidden = new LinkedHashSet<>();
    for (Op op : ops) {
      switch (op.name()) {
        case "is", "in" -> {
          Set<String> s = new LinkedHashSet<>(op.values());
          if (allowed == null) {
            allowed = s;
          } else {
            allowed.retainAll(s);
          }
        }
        default -> forbidden.addAll(op.values());
      }
    }
    if (allowed != null && TextSetCheck.emptyAfter(allowed, forbidden)) {
      throw new Invalid(line, "condition on " + a.path() + " can never match: " + written);
    }
    return new Condition.Text(a, allowed, forbidden, written);
  }

  private static Condition range(Attribute a, List<Op> ops, String written, int line)
      throws Values.BadValue, Invalid {
    long lo = Long.MIN_VALUE + 1;
    long hi = Long.MAX_VALUE;
    for (Op op : ops) {
      switch (op.name()) {
        case "atLeast" -> lo = Math.max(lo, Values.parse(a, op.single()));
        case "atMost" -> hi = Math.min(hi, Values.parse(a, op.single()));
        default -> {
          if (op.values().size() != 2 || ops.size() != 1) {
            throw new Invalid(op.line(), "between on " + a.path() + " takes [from, to] alone");
          }
          lo = Values.parse(a, op.values().get(0));
          hi = Values.parse(a, op.values().get(1));
          if (lo > hi && a.kind() != Kind.TIME) {
            throw new Invalid(line, "condition on " + a.path() + " can never match: " + written);
          }
          return new Condition.Range(a, lo, hi, written);
        }
      }
    }
    if (lo > hi) {
      throw new Invalid(line, "condition on " + a.path() + " can never match: " + written);
    }
    return new Condition.Range(a, lo, hi, written);
  }

  private static Condition choiceSet(Attribute a, List<Op> ops, String written, int line)
      throws Values.BadValue, Invalid {
    long all = 0;
    long any = 0;
    long none = 0;
    for (Op op : ops) {
      long m = 0;
      for (String v : op.values()) {
        m |= 1L << Values.parse(a, v);
      }
      switch (op.name()) {
        case "contains", "containsAll" -> all |= m;
        case "containsAny" -> any |= m;
        default -> none |= m;
      }
    }
    if ((all & none) != 0 || (any != 0 && (any & ~none) == 0)) {
      throw new Invalid(line, "condition on " + a.path() + " can never match: " + written);
    }
    return new Condition.MaskSet(a, all, any, none, written);
  }

  private static Condition textSet(Attribute a, List<Op> ops, String written, int line)
      throws Invalid {
    Set<String> all = new LinkedHashSet<>();
    Set<String> any = new LinkedHashSet<>();
    Set<String> none = new LinkedHashSet<>();
    for (Op op : ops) {
      switch (op.name()) {
        case "contains", "containsAll" -> all.addAll(op.values());
        case "containsAny" -> any.addAll(op.values());
        default -> none.addAll(op.values());
      }
    }
    if (!TextSetCheck.disjoint(all, none)
        || (!any.isEmpty() && TextSetCheck.emptyAfter(any, none))) {
      throw new Invalid(line, "condition on " + a.path() + " can never match: " + written);
    }
    return new Condition.TextSet(a, all, any, none, written);
  }

  /** Set arithmetic for the static checks. */
  private static final class TextSetCheck {
    static boolean emptyAfter(Set<String> from, Set<String> removed) {
      Set<String> left = new HashSet<>(from);
      left.removeAll(removed);
      return left.isEmpty();
    }

    static boolean disjoint(Set<String> a, Set<String> b) {
      return java.util.Collections.disjoint(a, b);
    }
  }
}
