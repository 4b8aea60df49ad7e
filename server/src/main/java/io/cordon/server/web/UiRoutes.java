package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;
import static io.cordon.server.web.PathIds.workspaceId;

import io.cordon.audit.AuditPage;
import io.cordon.audit.signature.FileSignatures;
import io.cordon.content.LegalHold;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.Passkey;
import io.cordon.policy.Action;
import io.cordon.server.web.ui.AccountPage;
import io.cordon.server.web.ui.ActivityRow;
import io.cordon.server.web.ui.Chrome;
import io.cordon.server.web.ui.FilePage;
import io.cordon.server.web.ui.Fmt;
import io.cordon.server.web.ui.PreviewRow;
import io.cordon.sharing.ShareDetails;
import io.cordon.sharing.SharingService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's pages under {@code /ui}, beside the API and through the same door: every page is a
 * route with its {@link Access}, admitted by the {@link Gatekeeper} like an API call, and reads
 * through the application services, which decide by policy and audit. Pages only read; every change
 * (sign-in, sharing, revoking, uploading) is a call from the browser to the JSON API, carrying the
 * session's CSRF token, so there is one implementation of each action. Page routes answer HTML
 * rather than problem documents when they fail (see {@link #fail}).
 */
final class UiRoutes {
  static final String UI = "/ui";
  private static final String LOGIN = UI + "/login";

  private final Services services;
  private final UiPages pages;
  private final Assets assets;
  private final UiViewer viewer;
  private final Endpoint download;

  /**
   * @param download the API's content download, served again under {@code /ui} so that a download
   *     the policy answers with STEP_UP shows the step-up page (and resumes after it) instead of a
   *     problem document in the browser window
   */
  UiRoutes(Services services, Assets assets, Endpoint download) {
    this.services = services;
    this.download = download;
    this.assets = assets;
    this.pages = new UiPages(assets);
    this.viewer = new UiViewer(services, pages);
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(assets.route());
    r.add(
        new Route(
            HandlerType.GET,
            "/",
            Access.PUBLIC,
            (http, rc) -> http.redirect(UI, io.javalin.http.HttpStatus.SEE_OTHER)));
    r.add(new Route(HandlerType.GET, LOGIN, Access.PUBLIC, this::login));
    r.add(new Route(HandlerType.GET, UI, Access.AUTHENTICATED, this::home));
    r.add(
        new Route(HandlerType.GET, UI + "/workspaces/{id}", Access.AUTHENTICATED, this::workspace));
    r.add(
        new Route(
            HandlerType.GET, UI + "/workspaces/{id}/files", Access.AUTHENTICATED, this::filesPart));
    r.add(new Route(HandlerType.GET, UI + "/files/{id}", Access.AUTHENTICATED, this::file));
    r.add(new Route(HandlerType.GET, UI + "/files/{id}/download", Access.AUTHENTICATED, download));
    r.add(
        new Route(
            HandlerType.GET, UI + "/files/{id}/activity", Access.AUTHENTICATED, this::activity));
    r.add(
        new Route(
            HandlerType.GET, UI + "/files/{id}/shares", Access.AUTHENTICATED, this::sharesPart));
    r.add(new Route(HandlerType.GET, UI + "/shares", Access.AUTHENTICATED, this::shares));
    r.add(
        new Route(
            HandlerType.POST,
            UI + "/files/{id}/share-preview",
            Access.AUTHENTICATED,
            this::sharePreview));
    r.add(new Route(HandlerType.GET, UI + "/account", Access.ENROLMENT, this::account));
    r.addAll(viewer.routes(UI));
    return List.copyOf(r);
  }

  /** Whether a route is a UI page (HTML errors and sign-in redirects rather than problems). */
  static boolean isUi(Route route) {
    return route.path().equals(UI) || route.path().startsWith(UI + "/");
  }

  private void login(Context http, RequestContext rc) {
    String message =
        switch (Optional.ofNullable(http.queryParam("why")).orElse("")) {
          case "expired" -> "Your session has ended. Sign in again to continue where you were.";
          case "signed-out" -> "You have signed out.";
          default -> "";
        };
    pages.render(
        http,
        "login.jte",
        Map.of(
            "chrome",
            pages.chrome(http, rc, "Sign in", "login"),
            "next",
            safeNext(http.queryParam("next")),
            "message",
            message));
  }

  private void home(Context http, RequestContext rc) {
    List<Workspace> workspaces = services.workspaces().list(rc);
    SharingService.Mine mine = services.sharing().mine(rc);
    pages.render(
        http,
        "home.jte",
        Map.of(
            "chrome",
            pages.chrome(http, rc, "Workspaces", "home"),
            "workspaces",
            workspaces,
            "received",
            mine.received().stream().filter(s -> !s.share().isRevoked()).toList()));
  }

  private void workspace(Context http, RequestContext rc) {
    WorkspaceId id = workspaceId(http);
    var files = services.content().list(rc, id);
    Workspace ws =
        services.workspaces().list(rc).stream()
            .filter(w -> w.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new CordonException.NotFound("no such workspace"));
    pages.render(
        http,
        "workspace.jte",
        Map.of(
            "chrome",
            pages.chrome(http, rc, ws.name(), "home"),
            "workspace",
            ws,
            "files",
            files,
            "retention",
            retention(rc, id)));
  }

  private void filesPart(Context http, RequestContext rc) {
    WorkspaceId id = workspaceId(http);
    pages.render(
        http,
        "parts/files.jte",
        Map.of("workspace", id.value(), "files", services.content().list(rc, id)));
  }

  private void file(Context http, RequestContext rc) {
    FileSignatures described = services.signatures().describe(rc, fileId(http));
    WorkspaceId ws = described.workspace().id();
    Optional<List<LegalHold>> holds =
        optional(() -> services.holds().list(rc, Optional.of(ws), false))
            .map(
                all ->
                    all.stream()
                        .filter(
                            h -> h.file().isEmpty() || h.file().get().equals(described.file().id()))
                        .toList());
    FilePage page =
        new FilePage(
            described,
            optional(() -> services.sharing().ofFile(rc, described.file().id())),
            holds,
            retention(rc, ws));
    pages.render(
        http,
        "file.jte",
        Map.of("chrome", pages.chrome(http, rc, described.file().name(), "home"), "page", page));
  }

  private void activity(Context http, RequestContext rc) {
    AuditPage page = services.auditSearch().fileActivity(rc, fileId(http), 1, 500);
    List<ActivityRow> rows = new ArrayList<>(page.records().stream().map(ActivityRow::of).toList());
    java.util.Collections.reverse(rows); // newest first
    pages.render(http, "parts/activity.jte", Map.of("rows", rows));
  }

  private void sharesPart(Context http, RequestContext rc) {
    List<ShareDetails> shares = services.sharing().ofFile(rc, fileId(http));
    pages.render(http, "parts/shares.jte", Map.of("shares", shares));
  }

  /**
   * The share dialog's policy preview (htmx posts the dialog's form): for each recipient typed so
   * far, what the policy in force will answer their first access. Asking is itself decided as
   * sharing the file would be.
   */
  private void sharePreview(Context http, RequestContext rc) {
    List<String> recipients =
        java.util.Arrays.stream(
                Optional.ofNullable(http.formParam("recipients")).orElse("").split("[\\s,;]+"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .limit(50)
            .toList();
    List<PreviewRow> rows = List.of();
    String refusal = "";
    try {
      rows =
          services
              .sharing()
              .preview(
                  rc,
                  fileId(http),
                  recipients,
                  http.formParam("viewOnly") != null,
                  http.formParam("requireMfa") != null,
                  services.policy())
              .stream()
              .map(UiRoutes::row)
              .toList();
    } catch (CordonException.Denied e) {
      refusal = e.getMessage();
    }
    pages.render(http, "parts/preview.jte", Map.of("rows", rows, "refusal", refusal));
  }

  private static PreviewRow row(io.cordon.sharing.SharePreview p) {
    io.cordon.policy.Decision d = p.explanation().decision();
    String who =
        p.orgKind()
            .map(k -> k == io.cordon.identity.OrgKind.PARTNER ? "partner user" : "colleague")
            .orElse("new guest account (partner)");
    return new PreviewRow(
        p.recipient(),
        who,
        PolicyRoutes.kind(d),
        d.reason(),
        d instanceof io.cordon.policy.Decision.Permit permit
            ? permit.obligations().stream().map(o -> o.code()).toList()
            : List.of());
  }

  private void shares(Context http, RequestContext rc) {
    SharingService.Mine mine = services.sharing().mine(rc);
    pages.render(
        http,
        "shares.jte",
        Map.of(
            "chrome",
            pages.chrome(http, rc, "Shares", "shares"),
            "created",
            mine.created(),
            "received",
            mine.received()));
  }

  private void account(Context http, RequestContext rc) {
    services.selfService().authorizeOwnAccount(rc, "mfa.list", Action.VIEW);
    List<String> factors = services.identity().availableFactors(rc);
    List<String> passkeys =
        optional(() -> services.passkeys().list(rc)).orElse(List.of()).stream()
            .map(UiRoutes::describe)
            .toList();
    // Only a session that must still enrol is sent here with enrol=1, and it has no factor yet.
    boolean enrol = "1".equals(http.queryParam("enrol")) && factors.isEmpty();
    AccountPage page =
        new AccountPage(
            rc.auth().code(), factors, services.recoveryCodes().remaining(rc), passkeys);
    pages.render(
        http,
        "account.jte",
        Map.of(
            "chrome",
            pages.chrome(http, rc, "Sign-in and security", "account", enrol),
            "page",
            page,
            "enrol",
            enrol));
  }

  private static String describe(Passkey p) {
    return p.label() + " — added " + Fmt.day(p.created());
  }

  private Optional<String> retention(RequestContext rc, WorkspaceId ws) {
    return optional(() -> services.lifecycle().retention(rc, ws))
        .flatMap(r -> r)
        .map(r -> r.period().toString());
  }

  /** A part of a page the viewer may not see is left out, not an error for the whole page. */
  private static <T> Optional<T> optional(java.util.function.Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (CordonException.Denied | CordonException.NotFound e) {
      return Optional.empty();
    }
  }

  /** Only a path inside the UI is a place to return to after sign-in (no open redirect). */
  static String safeNext(String next) {
    if (next == null
        || !(next.equals(UI) || next.startsWith(UI + "/"))
        || next.contains("//")
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return UI;
    }
    return next;
  }

  /**
   * How a UI route answers a failure: no valid session sends the browser to sign in (and back here
   * afterwards; for htmx requests through {@code HX-Redirect}); anything else is an HTML page with
   * the reason. Returns false for failures a page cannot show (a step-up, which app.js handles).
   */
  boolean fail(Context http, CordonException e) {
    if (e instanceof CordonException.StepUpRequired || http.res().isCommitted()) {
      return false; // a download cut short mid-stream is aborted by HttpServer, not answered
    }
    boolean htmx = http.header("HX-Request") != null;
    if (e instanceof CordonException.Unauthenticated) {
      String back = http.path() + (http.queryString() == null ? "" : "?" + http.queryString());
      if (htmx) {
        back = Optional.ofNullable(http.header("HX-Current-URL")).map(UiRoutes::pathOf).orElse(UI);
      }
      String why = http.cookie(Gatekeeper.SESSION_COOKIE) != null ? "&why=expired" : "";
      String to =
          LOGIN + "?next=" + URLEncoder.encode(safeNext(back), StandardCharsets.UTF_8) + why;
      if (htmx) {
        http.header("HX-Redirect", to);
        http.status(401);
      } else {
        http.redirect(to, io.javalin.http.HttpStatus.SEE_OTHER);
      }
      return true;
    }
    RequestContext nobody =
        RequestContext.anonymous(io.cordon.context.Channel.WEB, "-", Optional.empty(), "-");
    if (!htmx && e.type().equals("justification-required") && http.method() == HandlerType.GET) {
      // Policy asks why: a form that repeats the same request with the reason as a parameter.
      pages.render(
          http,
          403,
          "justify.jte",
          Map.of(
              "chrome",
              pages.chrome(http, nobody, "Why do you need this?", "error"),
              "action",
              safeNext(http.path()),
              "detail",
              e.getMessage()));
      return true;
    }
    int status = Problems.status(e);
    Chrome chrome = pages.chrome(http, nobody, Problems.title(status), "error");
    pages.render(
        http,
        status,
        htmx ? "parts/error.jte" : "error.jte",
        Map.of("chrome", chrome, "status", status, "detail", e.getMessage()));
    return true;
  }

  /**
   * A page that needs a fresh second factor (policy answered STEP_UP) says so and offers the
   * step-up dialog, then reloads; htmx requests get the problem document, which app.js turns into
   * the same dialog before retrying. Returns whether the answer was written.
   */
  boolean stepUp(Context http, RequestContext rc) {
    if (http.header("HX-Request") != null || http.res().isCommitted()) {
      return false;
    }
    RequestContext who =
        rc != null
            ? rc
            : RequestContext.anonymous(io.cordon.context.Channel.WEB, "-", Optional.empty(), "-");
    Chrome chrome = pages.chrome(http, who, "Confirm it is you", "error");
    pages.render(http, 401, "stepup.jte", Map.of("chrome", chrome));
    return true;
  }

  private static String pathOf(String url) {
    try {
      java.net.URI u = java.net.URI.create(url);
      return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (IllegalArgumentException e) {
      return UI;
    }
  }
}
