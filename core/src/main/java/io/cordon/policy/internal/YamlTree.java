package io.cordon.policy.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML composed into nodes that keep their line numbers, so that every load error can name its
 * line. Only the node graph is built (no objects are constructed from tags), with limits on size
 * and aliases; duplicate keys are an error here, not a silent overwrite.
 */
final class YamlTree {
  static final int MAX_CHARS = 1 << 20;

  private YamlTree() {}

  static Node parse(String text) throws Invalid {
    if (text.length() > MAX_CHARS) {
      throw new Invalid(1, "a policy document has at most " + MAX_CHARS + " characters");
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(MAX_CHARS);
    try {
      Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
      if (root == null) {
        throw new Invalid(1, "the document is empty");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw new Invalid(line, "malformed YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new Invalid(1, "malformed YAML: " + e.getMessage());
    }
  }

  static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  /** The entries of a mapping, by key, in order; duplicate or non-text keys are errors. */
  static Map<String, Node> mapping(Node n, String what) throws Invalid {
    if (!(n instanceof MappingNode m)) {
      throw new Invalid(line(n), what + " must be a mapping");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new Invalid(line(t.getKeyNode()), "keys in " + what + " must be text");
      }
      Integer before = seen.put(k.getValue(), line(k));
      if (before != null) {
        throw new Invalid(
            line(k), "duplicate key '" + k.getValue() + "' (first on line " + before + ")");
      }
      out.put(k.getValue(), t.getValueNode());
    }
    return out;
  }

  static String scalar(Node n, String what) throws Invalid {
    if (!(n instanceof ScalarNode s)) {
      throw new Invalid(line(n), what + " must be a single value");
    }
    return s.getValue();
  }

  /** A list of scalars; a single scalar counts as a list of one. */
  static List<String> scalars(Node n, String what) throws Invalid {
    if (n instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    if (!(n instanceof SequenceNode seq)) {
      throw new Invalid(line(n), what + " must be a value or a list of values");
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(scalar(item, what + " item"));
    }
    return out;
  }

  static List<Node> sequence(Node n, String what) throws Invalid {
    if (!(n instanceof SequenceNode seq)) {
      throw new Invalid(line(n), what + " must be a list");
    }
    return seq.getValue();
  }

  static boolean isMapping(Node n) {
    return n instanceof MappingNode;
  }

  static boolean isSequence(Node n) {
    return n instanceof SequenceNode;
  }
}
