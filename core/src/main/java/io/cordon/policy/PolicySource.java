package io.cordon.policy;

/**
 * One policy document as text, with the name its errors are reported under (a file name).
 *
 * @param name where the text came from, e.g. {@code cdmo-default.yaml}
 */
public record PolicySource(String name, String text) {
  public PolicySource {
    if (name == null || text == null) {
      throw new IllegalArgumentException("a policy source needs a name and a text");
    }
  }
}
