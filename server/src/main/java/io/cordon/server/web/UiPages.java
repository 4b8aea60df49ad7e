package io.cordon.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.cordon.context.RequestContext;
import io.cordon.identity.OrgKind;
import io.cordon.server.web.ui.Chrome;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the web UI's JTE templates, precompiled at build time (jte-maven-plugin {@code
 * precompile}): the jar carries the template classes and no template compiler. Every HTML answer
 * gets the UI's Content-Security-Policy: scripts, styles, images and requests from this origin
 * only, no inline code of any kind, never framed. Thread-safe.
 */
final class UiPages {
  /** No inline script or style anywhere: app.js and app.css are files served from the jar. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private static final List<String> ASSETS =
      List.of("app.css", "app.js", "htmx.min.js", "favicon.svg");

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Assets assets;

  UiPages(Assets assets) {
    this.assets = assets;
  }

  /** The frame of a page for a signed-in user (or for nobody, when rc has no subject). */
  Chrome chrome(Context http, RequestContext rc, String title, String section) {
    return chrome(http, rc, title, section, false);
  }

  /**
   * @param enrolling the session may only enrol a second factor ({@code mfa.required-roles}): the
   *     navigation is hidden, since every other page would refuse it
   */
  Chrome chrome(Context http, RequestContext rc, String title, String section, boolean enrolling) {
    Map<String, String> urls = new LinkedHashMap<>();
    ASSETS.forEach(a -> urls.put(a, assets.url(a)));
    String secret = http.cookie(Gatekeeper.SESSION_COOKIE);
    var subject = rc.subject();
    return new Chrome(
        title,
        section,
        subject.map(s -> s.username()).orElse(null),
        subject.map(s -> s.orgKind() == OrgKind.PARTNER).orElse(false),
        enrolling,
        secret == null ? "" : Gatekeeper.csrfToken(secret),
        urls);
  }

  /** Renders a template with its parameters as the whole answer, with the UI's headers. */
  void render(Context http, int status, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    http.status(status);
    http.contentType("text/html; charset=utf-8");
    http.header("Content-Security-Policy", CSP);
    // Pages show who is signed in and what they may see: never stored by a cache.
    http.header("Cache-Control", "no-store");
    http.header("Vary", "Cookie, HX-Request");
    http.result(out.toString());
  }

  void render(Context http, String template, Map<String, Object> params) {
    render(http, 200, template, params);
  }
}
