package io.cordon.server.bench;

import io.cordon.policy.PolicySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A realistic large policy for the benchmark: the default CDMO set plus generated rules of the
 * shapes a site accumulates — team grants per workspace (60%), partner freezes on patient data per
 * workspace (20%), watermark obligations per workspace (15%) and, not indexable by workspace,
 * per-partner-organisation country restrictions on sharing (5%). Deterministic for a seed. Public
 * for the Cedar comparison (module bench-cedar), which decides the same rules.
 */
public final class GeneratedPolicy {
  public static final String[] COUNTRIES = {
    "DE", "FR", "US", "GB", "CH", "IE", "NL", "IN", "CN", "BR"
  };

  private GeneratedPolicy() {}

  /** Workspaces the generated rules speak of (requests pick from the same ids). */
  public static int workspaces(int rules) {
    return Math.max(1, rules / 4);
  }

  public static String workspace(int i) {
    return String.format(Locale.ROOT, "ws_%020d", i);
  }

  public static String org(int i) {
    return String.format(Locale.ROOT, "org_%020d", i);
  }

  /** The generated rules as documents of at most 1,000 rules each (as a site would split them). */
  public static List<PolicySource> generate(int rules, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PolicySource> out = new ArrayList<>();
    for (int first = 0; first < rules; first += 1000) {
      out.add(document(first, Math.min(rules, first + 1000), workspaces(rules), random));
    }
    return out;
  }

  private static PolicySource document(int from, int to, int workspaces, SplittableRandom random) {
    String name = String.format(Locale.ROOT, "generated-%05d", from);
    StringBuilder y = new StringBuilder("policy: " + name + "\nversion: 1\nrules:\n");
    List<String> lines = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int kind = random.nextInt(100);
      String ws = workspace(random.nextInt(workspaces));
      String id = "g" + i;
      if (kind < 60) {
        lines.add(
            rule(id, "permit", "[view, download, upload]", "file")
                + "    when:\n      resource.workspace: "
                + ws
                + "\n"
                + "      subject.roles: team-"
                + random.nextInt(50)
                + "\n"
                + "      resource.classification: {atMost: confidential}\n");
      } else if (kind < 80) {
        lines.add(
            rule(id, "forbid", "[download, share-external]", "file")
                + "    when:\n      resource.workspace: "
                + ws
                + "\n"
                + "      subject.orgKind: partner\n"
                + "      resource.dataTypes: {containsAny: [PHI, PII]}\n");
      } else if (kind < 95) {
        lines.add(
            rule(id, "oblige", "view", "file")
                + "    when:\n      resource.workspace: "
                + ws
                + "\n"
                + "      subject.orgKind: partner\n"
                + "    obligations: [watermark]\n");
      } else {
        lines.add(
            rule(id, "forbid", "share-external", "file")
                + "    when:\n      subject.org: "
                + org(random.nextInt(200))
                + "\n"
                + "      context.country: {notIn: ["
                + COUNTRIES[random.nextInt(3)]
                + ", "
                + COUNTRIES[3 + random.nextInt(3)]
                + "]}\n");
      }
    }
    lines.forEach(y::append);
    return new PolicySource(name + ".yaml", y.toString());
  }

  private static String rule(String id, String effect, String actions, String resources) {
    return "  - id: "
        + id
        + "\n    effect: "
        + effect
        + "\n    actions: "
        + actions
        + "\n    resources: "
        + resources
        + "\n";
  }
}
