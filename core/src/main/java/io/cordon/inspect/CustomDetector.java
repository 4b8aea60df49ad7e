package io.cordon.inspect;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A detector defined in configuration: a Java regular expression anchored at the start of a word, a
 * named {@link Validator}, context words, the data type it counts as and its confidence. For
 * example a sponsor's protocol numbers: {@code type: PROTOCOL_ID, pattern: "ACME-\\d{4}-\\d{3}",
 * dataType: GXP}. Validated on construction; immutable.
 *
 * @param type the finding type name (upper case, not a built-in name)
 * @param pattern the regular expression a match must satisfy from the start of a word
 * @param validator the check a match must also pass
 * @param contextWords words that raise confidence by 0.1 when one precedes the match nearby
 * @param contextRequired whether a match without a context word is dropped
 * @param dataType what a finding counts as
 * @param confidence the confidence of a match without context, in (0, 1]
 */
public record CustomDetector(
    String type,
    String pattern,
    Validator validator,
    List<String> contextWords,
    boolean contextRequired,
    DataType dataType,
    double confidence) {
  public CustomDetector {
    Objects.requireNonNull(pattern, "pattern");
    validator = validator == null ? Validator.NONE : validator;
    contextWords = contextWords == null ? List.of() : List.copyOf(contextWords);
    Objects.requireNonNull(dataType, "dataType");
    if (EntityType.builtIn(type).isPresent()) {
      throw new IllegalArgumentException("custom detector may not reuse built-in type " + type);
    }
    new EntityType(type, dataType); // validates the name
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("custom detector " + type + ": bad pattern", e);
    }
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("custom detector " + type + ": confidence in (0, 1]");
    }
    if (contextRequired && contextWords.isEmpty()) {
      throw new IllegalArgumentException("custom detector " + type + ": context words required");
    }
  }

  public EntityType entityType() {
    return new EntityType(type, dataType);
  }
}
