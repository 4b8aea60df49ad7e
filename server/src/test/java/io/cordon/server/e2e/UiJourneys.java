package io.cordon.server.e2e;

import com.microsoft.playwright.Page;

/** Steps the browser tests share, done the way a person does them: through the visible page. */
final class UiJourneys {
  private UiJourneys() {}

  /** Fills the sign-in form and submits it (the second factor, if any, is the caller's). */
  static void signIn(Page page, String username, String password) {
    if (!page.url().contains("/ui/login")) {
      page.navigate("/ui/login");
    }
    page.getByLabel("User name or e-mail").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Continue"))
        .click();
  }
}
