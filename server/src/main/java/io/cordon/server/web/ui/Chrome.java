package io.cordon.server.web.ui;

import java.util.Map;
import java.util.Objects;

/**
 * What every page's frame needs: its title, which navigation section is current, who is signed in
 * (null on the sign-in page), the session's CSRF token (sent back by htmx and app.js in the {@code
 * X-CSRF-Token} header, read from a meta tag), and the cache-busting asset addresses.
 *
 * @param user the signed-in username, or null
 * @param partner whether the signed-in user belongs to a partner organisation (their navigation
 *     starts at what was shared with them)
 * @param enrolling whether the session may only enrol a second factor
 */
public record Chrome(
    String title,
    String section,
    String user,
    boolean partner,
    boolean enrolling,
    String csrf,
    Map<String, String> assets) {
  public Chrome {
    Objects.requireNonNull(title);
    Objects.requireNonNull(section);
    csrf = csrf == null ? "" : csrf;
    assets = Map.copyOf(assets);
  }

  /** The address of a static asset by name ({@code app.css}, {@code app.js}, …). */
  public String asset(String name) {
    String url = assets.get(name);
    if (url == null) {
      throw new IllegalArgumentException("no asset " + name);
    }
    return url;
  }

  public boolean signedIn() {
    return user != null;
  }

  /** {@code page} when this page is the current section (for {@code aria-current}). */
  public String current(String name) {
    return section.equals(name) ? "page" : null;
  }
}
