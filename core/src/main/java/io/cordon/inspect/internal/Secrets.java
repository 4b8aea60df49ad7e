package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * Credentials: PEM private keys (RFC 7468 labels ending in {@code PRIVATE KEY}), cloud and platform
 * tokens recognised by their published prefixes, and passwords assigned in configuration files
 * ({@code password=…}, {@code "secret": "…"}). Stateless; thread-safe.
 */
final class Secrets {
  /** Token prefixes and the length range of the rest (charset: letters, digits, - and _). */
  private record Token(String prefix, int min, int max, boolean upperAlnumOnly) {}

  private static final Token[] TOKENS = {
    new Token("AKIA", 16, 16, true), // AWS access key id
    new Token("ASIA", 16, 16, true), // AWS temporary access key id
    new Token("ABIA", 16, 16, true),
    new Token("ACCA", 16, 16, true),
    new Token("ghp_", 36, 36, false), // GitHub personal access token
    new Token("gho_", 36, 36, false),
    new Token("ghu_", 36, 36, false),
    new Token("ghs_", 36, 36, false),
    new Token("ghr_", 36, 36, false),
    new Token("github_pat_", 60, 90, false),
    new Token("glpat-", 20, 40, false), // GitLab
    new Token("xoxb-", 20, 200, false), // Slack bot, user, app tokens
    new Token("xoxp-", 20, 200, false),
    new Token("xoxa-", 20, 200, false),
    new Token("xoxr-", 20, 200, false),
    new Token("xoxs-", 20, 200, false),
    new Token("xapp-", 20, 200, false),
    new Token("AIza", 35, 35, false), // Google API key
    new Token("ya29.", 30, 2048, false), // Google OAuth access token
    new Token("sk_live_", 24, 99, false), // Stripe secret and restricted keys
    new Token("rk_live_", 24, 99, false),
    new Token("sk_test_", 24, 99, false),
    new Token("sk-ant-", 32, 200, false), // Anthropic
    new Token("sk-proj-", 32, 200, false), // OpenAI
    new Token("npm_", 36, 36, false),
    new Token("pypi-AgEIcHlwaS5vcmc", 50, 300, false),
    new Token("SG.", 60, 80, false), // SendGrid
    new Token("hf_", 34, 40, false), // Hugging Face
    new Token("dop_v1_", 64, 64, false), // DigitalOcean
    new Token("shpat_", 32, 32, false), // Shopify
    new Token("glsa_", 32, 48, false), // Grafana service account
  };

  private static final String TOKEN_FIRST = firstChars();

  private static String firstChars() {
    StringBuilder b = new StringBuilder();
    for (Token k : TOKENS) {
      if (b.indexOf(k.prefix.substring(0, 1)) < 0) {
        b.append(k.prefix.charAt(0));
      }
    }
    return b.toString();
  }

  private static final String[] PASSWORD_KEYS = {
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "client_secret",
    "secret_key",
    "api_key",
    "apikey",
    "api-key",
    "access_token",
    "auth_token",
    "token",
    "secret_access_key",
    "passphrase",
    "private_key",
    "credentials"
  };

  private Secrets() {}

  static void privateKey(Text t, int i, int limit, Match m) {
    if (!t.startsWith(i, "-----BEGIN ")) {
      return;
    }
    int p = i + 11;
    int headerEnd = -1;
    for (int q = p; q < Math.min(limit, p + 48); q++) {
      if (t.startsWith(q, "-----")) {
        headerEnd = q + 5;
        break;
      }
    }
    if (headerEnd < 0) {
      return;
    }
    String label = t.slice(p, headerEnd - 5);
    if (!label.endsWith("PRIVATE KEY") && !label.equals("PGP PRIVATE KEY BLOCK")) {
      return;
    }
    String footer = "-----END " + label + "-----";
    for (int q = headerEnd; q + footer.length() <= limit; q++) {
      if (t.charAt(q) == '-' && t.startsWith(q, footer)) {
        m.offer(EntityType.PRIVATE_KEY, i, q + footer.length(), 1.0);
        return;
      }
    }
    m.offer(EntityType.PRIVATE_KEY, i, headerEnd, 0.9);
  }

  private static boolean tokenChar(char c, boolean upperAlnumOnly) {
    if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return !upperAlnumOnly && (c >= 'a' && c <= 'z' || c == '-' || c == '_' || c == '.');
  }

  /** A token with a known prefix starting at {@code i}; answers its end or -1. */
  static int tokenEnd(Text t, int i, int limit) {
    if (TOKEN_FIRST.indexOf(t.charAt(i)) < 0) {
      return -1;
    }
    for (Token k : TOKENS) {
      if (t.startsWith(i, k.prefix)) {
        int p = i + k.prefix.length();
        int max = Math.min(limit, p + k.max + 1);
        while (p < max && tokenChar(t.charAt(p), k.upperAlnumOnly)) {
          p++;
        }
        while (p > i && t.charAt(p - 1) == '.') {
          p--; // a sentence's full stop after the token
        }
        int len = p - i - k.prefix.length();
        if (len >= k.min && len <= k.max && !tokenChar(t.charAt(p), k.upperAlnumOnly)) {
          return p;
        }
      }
    }
    return -1;
  }

  static void apiKey(Text t, int i, int limit, Match m) {
    int end = tokenEnd(t, i, limit);
    if (end > 0) {
      m.offer(EntityType.API_KEY, i, end, 0.95);
    }
  }

  /**
   * A secret-named key (the word ends in one of the names, so {@code db_password} and {@code
   * spring.datasource.password} count), then {@code =}, {@code :} or {@code =>}, then a value that
   * is not a placeholder such as {@code ${DB_PASSWORD}} or {@code <secret>}.
   */
  static void assignment(Text t, int i, int limit, Match m) {
    int p = i;
    int max = Math.min(limit, i + 64);
    while (p < max
        && (t.isAlnum(p) || t.charAt(p) == '_' || t.charAt(p) == '.' || t.charAt(p) == '-')) {
      p++;
    }
    int keyEnd = p;
    // Cheap test first: an assignment follows the key (after an optional quote and spaces).
    int q = keyEnd;
    if (t.charAt(q) == '"' || t.charAt(q) == '\'') {
      q++;
    }
    while (t.charAt(q) == ' ' || t.charAt(q) == '\t') {
      q++;
    }
    if (t.charAt(q) != '=' && t.charAt(q) != ':') {
      return;
    }
    boolean secretKey = false;
    for (String k : PASSWORD_KEYS) {
      int at = keyEnd - k.length();
      if (at >= i
          && t.startsWithIgnoreCase(at, k)
          && (at == i || !t.isLetter(at - 1) || t.charAt(at - 1) == '_')) {
        secretKey = true;
        break;
      }
    }
    if (!secretKey) {
      return;
    }
    if (t.charAt(p) == '"' || t.charAt(p) == '\'') {
      p++;
    }
    while (t.charAt(p) == ' ' || t.charAt(p) == '\t') {
      p++;
    }
    if (t.startsWith(p, "=>")) {
      p += 2;
    } else if (t.charAt(p) == '=' || t.charAt(p) == ':') {
      p++;
    } else {
      return;
    }
    while (t.charAt(p) == ' ' || t.charAt(p) == '\t') {
      p++;
    }
    char quote = t.charAt(p) == '"' || t.charAt(p) == '\'' ? t.charAt(p) : 0;
    if (quote != 0) {
      p++;
    }
    int start = p;
    int vmax = Math.min(limit, start + 256);
    while (p < vmax) {
      char c = t.charAt(p);
      if (quote != 0 ? c == quote || c == '\n' : c <= ' ' || c == ',' || c == ';' || c == '"') {
        break;
      }
      p++;
    }
    if (p - start < 4 || placeholder(t.slice(start, p))) {
      return;
    }
    int token = tokenEnd(t, start, limit);
    if (token == p) {
      m.offer(EntityType.API_KEY, start, p, 0.95);
    } else {
      m.offer(EntityType.PASSWORD, start, p, 0.9);
    }
  }

  private static boolean placeholder(String v) {
    String s = v.toLowerCase(java.util.Locale.ROOT);
    return s.startsWith("${")
        || s.startsWith("<")
        || s.startsWith("{{")
        || s.startsWith("%(")
        || s.startsWith("$") && s.length() > 1 && Character.isUpperCase(v.charAt(1))
        || s.chars().allMatch(c -> c == '*' || c == 'x' || c == '.')
        || s.equals("null")
        || s.equals("none")
        || s.equals("true")
        || s.equals("false")
        || s.equals("required")
        || s.equals("optional")
        || s.startsWith("env(")
        || s.equals("redacted")
        || s.equals("changeit_placeholder");
  }
}
