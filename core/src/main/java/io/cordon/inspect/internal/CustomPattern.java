package io.cordon.inspect.internal;

import io.cordon.inspect.CustomDetector;
import io.cordon.inspect.EntityType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector from configuration ({@link CustomDetector}): its pattern is tried at the start of each
 * word (anchored, never a search over the whole text), then its validator, then its context words.
 * Holds one reusable matcher per scan; not thread-safe.
 */
final class CustomPattern {
  private final CustomDetector spec;
  private final EntityType type;
  private final Matcher matcher;
  private final Context.Words context;
  private Text boundTo;

  CustomPattern(CustomDetector spec) {
    this.spec = spec;
    this.type = spec.entityType();
    this.matcher = Pattern.compile(spec.pattern()).matcher("");
    this.context =
        Context.words(
            spec.contextWords().stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
  }

  void at(Text t, int i, int limit, Match m) {
    if (boundTo != t) {
      matcher.reset(t);
      matcher.useTransparentBounds(true);
      matcher.useAnchoringBounds(false);
      boundTo = t;
    }
    matcher.region(i, limit);
    if (!matcher.lookingAt() || matcher.end() == i) {
      return;
    }
    int end = matcher.end();
    if (!spec.validator().test(t.slice(i, end))) {
      return;
    }
    boolean near = context.size() > 0 && Context.before(t, i, Context.NEAR, context);
    if (spec.contextRequired() && !near) {
      return;
    }
    double c = near ? Math.min(1.0, spec.confidence() + 0.1) : spec.confidence();
    m.offer(type, i, end, c);
  }
}
