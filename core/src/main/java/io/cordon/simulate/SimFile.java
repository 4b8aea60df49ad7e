package io.cordon.simulate;

import java.util.List;

/** A file in a workspace, with the classification and data types inspection gave it. */
record SimFile(
    String id,
    String name,
    String workspace,
    String classification,
    List<String> dataTypes,
    long typicalBytes) {
  boolean isSensitive() {
    return classification.equals("confidential") || classification.equals("restricted");
  }
}
