package io.cordon.inspect;

import io.cordon.content.Classification;
import java.util.Objects;
import java.util.Set;

/**
 * What inspection concludes about one piece of content: its classification level and the data types
 * found. Immutable; the data types are an unmodifiable set in {@link DataType} order.
 *
 * @param classification the level the findings call for (see {@link Classifier})
 * @param dataTypes the data types of the findings
 */
public record Label(Classification classification, Set<DataType> dataTypes) {
  public Label {
    Objects.requireNonNull(classification, "classification");
    java.util.EnumSet<DataType> sorted = java.util.EnumSet.noneOf(DataType.class);
    sorted.addAll(dataTypes);
    dataTypes = java.util.Collections.unmodifiableSet(sorted);
  }
}
