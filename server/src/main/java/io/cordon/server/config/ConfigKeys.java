package io.cordon.server.config;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one registry of every configuration key Cordon understands, with defaults and meanings. The
 * loader rejects any other key in a file; {@link #describe()} prints this table for {@code cordon
 * config describe}. Immutable and thread-safe.
 */
public final class ConfigKeys {
  public static final ConfigKey DB_URL =
      key(
          "db.url",
          ValueType.URL,
          "sqlite:cordon.db",
          "metadata database: sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB");
  public static final ConfigKey BLOBS_DIR =
      key("blobs.dir", ValueType.PATH, "blobs", "directory for encrypted file contents");
  public static final ConfigKey BLOBS_S3_ENDPOINT =
      key(
          "blobs.s3.endpoint",
          ValueType.URL,
          null,
          "S3 endpoint URL for file contents (not available in this build yet)");
  public static final ConfigKey BLOBS_S3_BUCKET =
      key("blobs.s3.bucket", ValueType.TEXT, null, "S3 bucket (not available in this build yet)");
  public static final ConfigKey BLOBS_S3_REGION =
      key("blobs.s3.region", ValueType.TEXT, null, "S3 region (not available in this build yet)");
  public static final ConfigKey KEYS_VAULT =
      choice(
          "keys.vault",
          "sealed",
          "where the root key lives: a sealed file or a PKCS#11 token",
          "sealed",
          "pkcs11");
  public static final ConfigKey KEYS_PKCS11_LIBRARY =
      key(
          "keys.pkcs11.library",
          ValueType.PATH,
          null,
          "PKCS#11 module (.so) of the token (required when keys.vault is pkcs11)");
  public static final ConfigKey KEYS_PKCS11_SLOT =
      key(
          "keys.pkcs11.slot",
          ValueType.COUNT,
          null,
          "token slot number (required when keys.vault is pkcs11)");
  public static final ConfigKey KEYS_PKCS11_PIN_FILE =
      key(
          "keys.pkcs11.pin-file",
          ValueType.PATH,
          null,
          "file holding the token's user PIN (required when keys.vault is pkcs11)");
  public static final ConfigKey HTTP_PORT =
      key("http.port", ValueType.PORT, "8443", "HTTPS listener port");
  public static final ConfigKey HTTP_BIND =
      key("http.bind", ValueType.TEXT, "127.0.0.1", "address the HTTPS listener binds to");
  public static final ConfigKey TLS_CERT =
      key(
          "tls.cert",
          ValueType.PATH,
          null,
          "PEM certificate chain for HTTPS (with tls.key: both or neither)");
  public static final ConfigKey TLS_KEY =
      key(
          "tls.key",
          ValueType.PATH,
          null,
          "PEM private key for HTTPS (with tls.cert: both or neither)");
  public static final ConfigKey SFTP_PORT =
      key("sftp.port", ValueType.PORT, null, "SFTP listener port (off when unset)");
  public static final ConfigKey SIEM_SYSLOG_URL =
      key(
          "siem.syslog.url",
          ValueType.URL,
          null,
          "send events to syslog at tcp://HOST:PORT or tls://HOST:PORT (off when unset)");
  public static final ConfigKey SIEM_SYSLOG_FORMAT =
      choice("siem.syslog.format", "cef", "syslog message format", "cef", "leef", "ocsf");
  public static final ConfigKey SMTP_HOST =
      key("smtp.host", ValueType.TEXT, null, "outgoing mail server (no mail when unset)");
  public static final ConfigKey SMTP_PORT =
      key("smtp.port", ValueType.PORT, "25", "outgoing mail server port");
  public static final ConfigKey SMTP_FROM =
      key("smtp.from", ValueType.TEXT, null, "sender address of Cordon's mail");
  public static final ConfigKey GEOIP_MMDB =
      key("geoip.mmdb", ValueType.PATH, null, "a MaxMind-format database for IP locations");
  public static final ConfigKey NETWORK_ZONES =
      key(
          "network.zones",
          ValueType.ZONES,
          null,
          "network zones for policy: zone name -> list of CIDR blocks (IPv4 and IPv6); the most"
              + " specific block wins; an address in no block is in the zone 'internet'");
  public static final ConfigKey HTTP_TRUSTED_PROXIES =
      key(
          "http.trusted-proxies",
          ValueType.CIDRS,
          null,
          "CIDR blocks of reverse proxies whose X-Forwarded-For is believed (walked right to left,"
              + " skipping these); from any other peer the header is ignored");
  public static final ConfigKey DEVICE_COOKIE_LIFETIME =
      key(
          "device.cookie-lifetime",
          ValueType.DURATION,
          "400d",
          "how long a browser keeps its device credential (the cookie that makes it a known"
              + " device); 400d is the longest browsers honour");
  public static final ConfigKey POLICY_DIR =
      key(
          "policy.dir",
          ValueType.PATH,
          null,
          "directory of policy documents (*.yaml, docs/policies.md), re-read every 5 s;"
              + " unset: the built-in CDMO policy");
  public static final ConfigKey SESSION_IDLE_TIMEOUT =
      key(
          "session.idle-timeout",
          ValueType.DURATION,
          "30m",
          "a web session ends after this long without a request");
  public static final ConfigKey SESSION_ABSOLUTE_TIMEOUT =
      key(
          "session.absolute-timeout",
          ValueType.DURATION,
          "12h",
          "a web session ends this long after login, however active");
  public static final ConfigKey LOGIN_MAX_FAILURES =
      key(
          "login.max-failures",
          ValueType.COUNT,
          "5",
          "failed logins in a row before an account is locked for a while");
  public static final ConfigKey LOGIN_LOCKOUT =
      key(
          "login.lockout",
          ValueType.DURATION,
          "15m",
          "longest lockout; it grows with repeated failures up to this");
  public static final ConfigKey UPLOAD_MAX_BYTES =
      key("upload.max-bytes", ValueType.SIZE, "1TiB", "largest file one upload may carry");
  public static final ConfigKey UPLOAD_RESUMABLE_LIFETIME =
      key(
          "upload.resumable-lifetime",
          ValueType.DURATION,
          "24h",
          "how long a resumable (tus) upload may stay unfinished before its parts are deleted");
  public static final ConfigKey INSPECT_WORKERS =
      key(
          "inspect.workers",
          ValueType.COUNT,
          "2",
          "file versions inspected at once, off the request threads (docs/inspection.md)");
  public static final ConfigKey INSPECT_LEASE =
      key(
          "inspect.lease",
          ValueType.DURATION,
          "5m",
          "how long a node's claim on a pending version holds; after it another node (or this one"
              + " after a restart) inspects it again");
  public static final ConfigKey INSPECT_MAX_ATTEMPTS =
      key(
          "inspect.max-attempts",
          ValueType.COUNT,
          "3",
          "attempts before a version whose content or malware scan keeps failing is labelled"
              + " unscannable (never clean)");
  public static final ConfigKey MALWARE_CLAMD =
      key(
          "malware.clamd",
          ValueType.TEXT,
          null,
          "clamd to scan every upload with (INSTREAM): tcp://HOST:PORT or unix:/PATH (off when"
              + " unset)");
  public static final ConfigKey MALWARE_TIMEOUT =
      key(
          "malware.timeout",
          ValueType.DURATION,
          "60s",
          "longest wait for clamd to answer one scan; past it the scan failed (not clean)");
  public static final ConfigKey AUDIT_PAGE_LIMIT =
      key(
          "audit.page-limit",
          ValueType.COUNT,
          "1000",
          "most events one page of the audit API returns");
  public static final ConfigKey AUDIT_CHECKPOINT_INTERVAL =
      key(
          "audit.checkpoint-interval",
          ValueType.DURATION,
          "5s",
          "how often a signed checkpoint of the audit trail is made when events arrived (also on"
              + " shutdown)");

  public static final ConfigKey CONTENT_RETENTION_DEFAULT =
      key(
          "content.retention-default",
          ValueType.PERIOD,
          null,
          "retention rule of new workspaces: content of deleted files is kept this long after"
              + " each version's creation (none: kept forever)");
  public static final ConfigKey AUDIT_WITNESSES =
      key(
          "audit.witnesses",
          ValueType.WITNESSES,
          null,
          "witnesses that cosign each audit checkpoint (c2sp.org/tlog-witness): a list of {name,"
              + " key (verifier key, type 0x04), url (submission prefix, https), token-file}");
  public static final ConfigKey AUDIT_WITNESS_CA =
      key(
          "audit.witness-ca",
          ValueType.PATH,
          null,
          "PEM CA certificates trusted for witness URLs, besides the JDK's trust store");
  public static final ConfigKey AUDIT_WITNESS_TIMEOUT =
      key(
          "audit.witness-timeout",
          ValueType.DURATION,
          "10s",
          "longest wait for a witness to connect, and again to answer");

  public static final ConfigKey WEBAUTHN_RP_ID =
      key(
          "webauthn.rp-id",
          ValueType.TEXT,
          null,
          "WebAuthn relying party id for passkeys: the host name users reach Cordon by (default:"
              + " http.bind when it is a host name, else localhost)");
  public static final ConfigKey WEBAUTHN_ORIGINS =
      key(
          "webauthn.origins",
          ValueType.TEXT,
          null,
          "comma-separated origins passkey ceremonies may come from, https://HOST[:PORT]"
              + " (default: https://RP-ID on any port)");
  public static final ConfigKey WEBAUTHN_CHALLENGE_TTL =
      key(
          "webauthn.challenge-ttl",
          ValueType.DURATION,
          "5m",
          "how long a passkey registration or sign-in challenge stays usable (single use)");
  public static final ConfigKey MFA_REQUIRED_ROLES =
      key(
          "mfa.required-roles",
          ValueType.TEXT,
          null,
          "comma-separated organisation roles whose users must enrol a second factor before"
              + " doing anything else, or * for everyone (default: none)");
  public static final ConfigKey SHARING_ALLOWED_DOMAINS =
      key(
          "sharing.allowed-domains",
          ValueType.TEXT,
          null,
          "comma-separated e-mail domains that shares may go to (partner users and new guests);"
              + " none: any domain");
  public static final ConfigKey SHARING_INVITATION_TTL =
      key(
          "sharing.invitation-ttl",
          ValueType.DURATION,
          "7d",
          "how long a single-use invitation link (for guests and users created without a"
              + " password) works");
  public static final ConfigKey SHARING_LINK_BASE =
      key(
          "sharing.link-base",
          ValueType.URL,
          null,
          "public https base URL that links in e-mail start with (default:"
              + " https://localhost:HTTP_PORT)");

  public static final ConfigKey INSPECT_MAX_BYTES =
      key(
          "inspect.max-bytes",
          ValueType.SIZE,
          "4GiB",
          "bytes of one file that content inspection reads; the rest is not inspected (verdict"
              + " truncated)");
  public static final ConfigKey INSPECT_MAX_CHARS =
      key(
          "inspect.max-chars",
          ValueType.COUNT,
          "1000000000",
          "characters of text extracted from one file, all archive entries together (verdict"
              + " truncated past it)");
  public static final ConfigKey INSPECT_TIMEOUT =
      key(
          "inspect.timeout",
          ValueType.DURATION,
          "5m",
          "wall time to extract and inspect one file; the parser is stopped at it (verdict"
              + " truncated)");
  public static final ConfigKey INSPECT_MAX_DEPTH =
      key(
          "inspect.max-depth",
          ValueType.COUNT,
          "5",
          "how deep archives and embedded documents may nest (verdict rejected past it)");
  public static final ConfigKey INSPECT_MAX_COMPRESSION_RATIO =
      key(
          "inspect.max-compression-ratio",
          ValueType.COUNT,
          "100",
          "most bytes a file's archives may expand to per byte of the file, past 16 MiB expanded"
              + " (zip bombs: verdict rejected)");
  public static final ConfigKey INSPECT_MAX_ENTRIES =
      key(
          "inspect.max-entries",
          ValueType.COUNT,
          "10000",
          "archive entries and embedded documents in one file, all levels (verdict rejected past"
              + " it)");

  /** Every key, in the order {@code describe} lists them. */
  public static final List<ConfigKey> ALL =
      List.of(
          DB_URL,
          BLOBS_DIR,
          BLOBS_S3_ENDPOINT,
          BLOBS_S3_BUCKET,
          BLOBS_S3_REGION,
          KEYS_VAULT,
          KEYS_PKCS11_LIBRARY,
          KEYS_PKCS11_SLOT,
          KEYS_PKCS11_PIN_FILE,
          HTTP_PORT,
          HTTP_BIND,
          TLS_CERT,
          TLS_KEY,
          SFTP_PORT,
          SIEM_SYSLOG_URL,
          SIEM_SYSLOG_FORMAT,
          SMTP_HOST,
          SMTP_PORT,
          SMTP_FROM,
          GEOIP_MMDB,
          NETWORK_ZONES,
          HTTP_TRUSTED_PROXIES,
          DEVICE_COOKIE_LIFETIME,
          POLICY_DIR,
          SESSION_IDLE_TIMEOUT,
          SESSION_ABSOLUTE_TIMEOUT,
          LOGIN_MAX_FAILURES,
          LOGIN_LOCKOUT,
          UPLOAD_MAX_BYTES,
          UPLOAD_RESUMABLE_LIFETIME,
          INSPECT_WORKERS,
          INSPECT_LEASE,
          INSPECT_MAX_ATTEMPTS,
          MALWARE_CLAMD,
          MALWARE_TIMEOUT,
          AUDIT_PAGE_LIMIT,
          AUDIT_CHECKPOINT_INTERVAL,
          CONTENT_RETENTION_DEFAULT,
          AUDIT_WITNESSES,
          AUDIT_WITNESS_CA,
          AUDIT_WITNESS_TIMEOUT,
          WEBAUTHN_RP_ID,
          WEBAUTHN_ORIGINS,
          WEBAUTHN_CHALLENGE_TTL,
          MFA_REQUIRED_ROLES,
          SHARING_ALLOWED_DOMAINS,
          SHARING_INVITATION_TTL,
          SHARING_LINK_BASE,
          INSPECT_MAX_BYTES,
          INSPECT_MAX_CHARS,
          INSPECT_TIMEOUT,
          INSPECT_MAX_DEPTH,
          INSPECT_MAX_COMPRESSION_RATIO,
          INSPECT_MAX_ENTRIES);

  /**
   * Keys that are accepted and validated but that no part of this build acts on yet; setting one
   * produces a start-up warning ({@link CordonConfig#unusedSettings()}). Remove a key from here
   * when the feature that reads it lands.
   */
  public static final Set<ConfigKey> NOT_YET_USED =
      Set.of(SFTP_PORT, SIEM_SYSLOG_URL, SIEM_SYSLOG_FORMAT);

  private static final Map<String, ConfigKey> BY_NAME = index();

  private ConfigKeys() {}

  /** The key with this dotted name, if Cordon knows it. */
  public static Optional<ConfigKey> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The known key whose name is closest to {@code name}, for suggestions: by edit distance of the
   * whole name or, one worse, of the last segment (so a bare {@code port} suggests {@code
   * http.port}). A name under a known key ({@code db.url.path}) suggests that key.
   */
  public static ConfigKey closest(String name) {
    for (ConfigKey key : ALL) {
      if (name.startsWith(key.name() + ".")) {
        return key;
      }
    }
    return ALL.stream()
        .min(
            Comparator.comparingInt(
                (ConfigKey k) ->
                    Math.min(
                        distance(name, k.name()),
                        distance(lastSegment(name), lastSegment(k.name())) + 1)))
        .orElseThrow();
  }

  private static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * The text of {@code cordon config describe}: how keys are given, then one aligned row per key
   * with its default and meaning.
   */
  public static String describe() {
    int keyWidth = Math.max(3, ALL.stream().mapToInt(k -> k.name().length()).max().orElse(0));
    int defaultWidth =
        Math.max(7, ALL.stream().mapToInt(k -> shownDefault(k).length()).max().orElse(0));
    String row = "%-" + keyWidth + "s  %-" + defaultWidth + "s  %s%n";
    StringBuilder text = new StringBuilder();
    text.append(
        """
        Cordon reads one YAML file (--config FILE, default DATA/cordon.yaml, optional), where nested
        maps flatten to dotted keys (db: {url: ...} is db.url). Every key can also be set by an
        environment variable: CORDON_ and the key upper-cased with dots and dashes as underscores
        (db.url is CORDON_DB_URL); the environment wins over the file. Relative paths resolve
        against the data directory. Durations: 45s, 30m, 12h, 7d. Sizes: bytes or KiB, MiB, GiB,
        TiB (KB, MB, GB, TB are powers of 1000). Periods: ISO-8601 P15Y, P6M, P30D. Unknown keys in
        the file are an error.

        """);
    text.append(String.format(row, "KEY", "DEFAULT", "MEANING"));
    for (ConfigKey key : ALL) {
      String meaning =
          key.type() == ValueType.CHOICE
              ? key.meaning() + " (" + String.join(" | ", key.choices()) + ")"
              : key.meaning();
      text.append(String.format(row, key.name(), shownDefault(key), meaning));
    }
    return text.toString();
  }

  private static String shownDefault(ConfigKey key) {
    return key.defaultValue().orElse("-");
  }

  private static ConfigKey key(String name, ValueType type, String defaultValue, String meaning) {
    return new ConfigKey(name, type, Optional.ofNullable(defaultValue), meaning, List.of());
  }

  private static ConfigKey choice(
      String name, String defaultValue, String meaning, String... choices) {
    return new ConfigKey(
        name, ValueType.CHOICE, Optional.of(defaultValue), meaning, List.of(choices));
  }

  private static Map<String, ConfigKey> index() {
    Map<String, ConfigKey> byName = new LinkedHashMap<>();
    Map<String, ConfigKey> byEnv = new LinkedHashMap<>();
    for (ConfigKey key : ALL) {
      if (byName.put(key.name(), key) != null || byEnv.put(key.envName(), key) != null) {
        throw new IllegalStateException("duplicate configuration key " + key.name());
      }
    }
    return Map.copyOf(byName);
  }

  /** Levenshtein distance; the key names are short, so the quadratic table is cheap. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
