package io.cordon.server.demo;

import io.cordon.content.Classification;
import io.cordon.content.FileVersion;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.RequestContext;
import io.cordon.identity.OrgKind;
import io.cordon.server.Node;
import io.cordon.sharing.ShareRequest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Seeds a small, realistic world through the application services (so the audit trail tells its
 * story): a CDMO, a sponsor and a CRO; staff, partner users and an auditor; two workspaces with
 * batch records, certificates of analysis and a tech-transfer protocol.
 *
 * <p>The demo passwords are public. Nobody here is a real person: accounts are named by role.
 */
public final class DemoWorld {
  /** One password for every demo account; public by design. */
  public static final String PASSWORD = "cordon-demo-2026";

  static final String HOME = "Helix Biologics CDMO";
  static final String SPONSOR = "Northwind Therapeutics";
  static final String CRO = "Atlas Clinical Research";

  private record Account(String username, String org, Set<String> roles, String what) {}

  private static final List<Account> ACCOUNTS =
      List.of(
          new Account("admin@helix.example", HOME, Set.of("admin"), "administrator"),
          new Account("qa.lead@helix.example", HOME, Set.of("member"), "QA lead, owns workspaces"),
          new Account("scientist@helix.example", HOME, Set.of("member"), "analytical scientist"),
          new Account("auditor@helix.example", HOME, Set.of("auditor"), "read-only auditor"),
          new Account(
              "sponsor.qa@northwind.example", SPONSOR, Set.of("member"), "partner: sponsor QA"),
          new Account("cra@atlas.example", CRO, Set.of("member"), "partner: CRO monitor"));

  private DemoWorld() {}

  public static void seed(Node node, PrintWriter out) {
    node.installation().initialise(HOME, "admin@helix.example", PASSWORD.toCharArray());
    RequestContext op = node.installation().operatorContext();
    node.directory().createOrganisation(op, SPONSOR, OrgKind.PARTNER);
    node.directory().createOrganisation(op, CRO, OrgKind.PARTNER);
    for (Account a : ACCOUNTS.subList(1, ACCOUNTS.size())) {
      node.directory()
          .createUser(
              op,
              a.username(),
              a.username(),
              a.org(),
              a.roles(),
              Optional.of(PASSWORD.toCharArray()));
    }
    RequestContext qa = as(node, "qa.lead@helix.example");
    Workspace aurora =
        node.workspaces()
            .create(
                qa,
                "Project Aurora - tech transfer",
                Optional.of(Classification.CONFIDENTIAL),
                Optional.of("EU"));
    Workspace batches =
        node.workspaces()
            .create(
                qa,
                "Batch records 2026",
                Optional.of(Classification.RESTRICTED),
                Optional.of("EU"));
    node.workspaces()
        .addMember(qa, aurora.id(), "scientist@helix.example", WorkspaceRole.CONTRIBUTOR);
    node.workspaces()
        .addMember(qa, aurora.id(), "sponsor.qa@northwind.example", WorkspaceRole.VIEWER);
    node.workspaces()
        .addMember(qa, batches.id(), "sponsor.qa@northwind.example", WorkspaceRole.VIEWER);
    node.workspaces().addMember(qa, batches.id(), "auditor@helix.example", WorkspaceRole.AUDITOR);
    node.workspaces().addMember(qa, aurora.id(), "cra@atlas.example", WorkspaceRole.VIEWER);
    RequestContext sci = as(node, "scientist@helix.example");
    upload(node, sci, aurora, "Tech transfer protocol TT-0417.txt", DemoDocuments.protocol());
    upload(node, sci, aurora, "Analytical method AM-HPLC-22.csv", DemoDocuments.methodCsv());
    upload(
        node,
        qa,
        batches,
        "Batch record HB-2026-0311.txt",
        DemoDocuments.batchRecord("HB-2026-0311"));
    upload(
        node,
        qa,
        batches,
        "Batch record HB-2026-0312.txt",
        DemoDocuments.batchRecord("HB-2026-0312"));
    FileVersion coa =
        upload(
            node, qa, batches, "CoA HB-2026-0311.txt", DemoDocuments.certificate("HB-2026-0311"));
    upload(
        node,
        qa,
        batches,
        "Batch record HB-2026-0311.txt",
        DemoDocuments.batchRecord("HB-2026-0311") + "\nCorrection: yield recalculated.\n");
    // Every seeded version gets its verdict before anything is shared (quarantined until then).
    node.inspection().inspectPending();
    // Sharing outside the workspaces: the CRO monitor is no member of the batch records, so the
    // CoA reaches them only through a limited, view-only share; an external QA contact is invited
    // as a guest (the invitation waits in the mail outbox until smtp.host is set).
    Instant now = node.clock().instant();
    node.sharing()
        .share(
            qa,
            coa.file(),
            new ShareRequest(
                List.of("cra@atlas.example"),
                Optional.of(now.plus(Duration.ofDays(14))),
                OptionalInt.of(3),
                true,
                false,
                true));
    node.sharing()
        .share(
            qa,
            coa.file(),
            new ShareRequest(
                List.of("qa.contact@northwind.example"),
                Optional.of(now.plus(Duration.ofDays(7))),
                OptionalInt.of(1),
                false,
                true,
                true));
    out.println(
        "Seeded the demo: 3 organisations, "
            + ACCOUNTS.size()
            + " users (and one invited guest), 2 workspaces, 6 file versions, 2 shares.");
  }

  public static void printLogins(PrintWriter out, String url, java.nio.file.Path caCertificate) {
    out.println();
    out.println("Demo logins (password for all: " + PASSWORD + "):");
    for (Account a : ACCOUNTS) {
      out.printf("  %-32s %s%n", a.username(), a.what());
    }
    out.println();
    out.println("Try:");
    out.println("  curl --cacert " + caCertificate + " " + url + "healthz");
    out.println(
        "  curl --cacert " + caCertificate + " -c cookies -H 'Content-Type: application/json' \\");
    out.println(
        "       -d '{\"username\":\"qa.lead@helix.example\",\"password\":\""
            + PASSWORD
            + "\"}' "
            + url
            + "api/v1/auth/login");
    out.println("  curl --cacert " + caCertificate + " -b cookies " + url + "api/v1/workspaces");
  }

  private static RequestContext as(Node node, String username) {
    return node.installation().localContextFor(username);
  }

  private static FileVersion upload(
      Node node, RequestContext ctx, Workspace ws, String name, String text) {
    return node.content()
        .upload(
            ctx, ws.id(), name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
