package io.cordon.server.config;

import static io.cordon.server.config.ConfigRules.between;
import static io.cordon.server.config.ConfigRules.invalid;
import static io.cordon.server.config.ConfigRules.portNumber;
import static io.cordon.server.config.ConfigRules.positive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cordon's whole configuration, loaded once at start by {@link ConfigLoader} and validated eagerly:
 * every record here checks its values in its compact constructor and names the offending key, so a
 * constructed {@code CordonConfig} is always usable. The tree mirrors the dotted keys ({@code
 * session.idle-timeout} is {@code session().idleTimeout()}); {@link ConfigKeys} documents each.
 * Paths are absolute (relative ones were resolved against {@link #dataDir()}). Immutable and
 * thread-safe.
 *
 * @param given the names of the keys that the file or the environment set explicitly
 */
public record CordonConfig(
    Path dataDir,
    Db db,
    Blobs blobs,
    Keys keys,
    Http http,
    Tls tls,
    Sftp sftp,
    Siem siem,
    Smtp smtp,
    Geoip geoip,
    Policy policy,
    Session session,
    Login login,
    Upload upload,
    Audit audit,
    Content content,
    Webauthn webauthn,
    Mfa mfa,
    Network network,
    Sharing sharing,
    Inspect inspect,
    Set<String> given) {

  /** Requires every part and makes the data directory absolute. */
  public CordonConfig {
    dataDir = dataDir.toAbsolutePath().normalize();
    Objects.requireNonNull(db);
    Objects.requireNonNull(blobs);
    Objects.requireNonNull(keys);
    Objects.requireNonNull(http);
    Objects.requireNonNull(tls);
    Objects.requireNonNull(sftp);
    Objects.requireNonNull(siem);
    Objects.requireNonNull(smtp);
    Objects.requireNonNull(geoip);
    Objects.requireNonNull(policy);
    Objects.requireNonNull(session);
    Objects.requireNonNull(login);
    Objects.requireNonNull(upload);
    Objects.requireNonNull(audit);
    Objects.requireNonNull(content);
    Objects.requireNonNull(webauthn);
    Objects.requireNonNull(mfa);
    Objects.requireNonNull(network);
    Objects.requireNonNull(sharing);
    Objects.requireNonNull(inspect);
    given = Set.copyOf(given);
  }

  /**
   * Warnings to print at start, one per setting that was given but that this build does not act on
   * (a channel that a later release wires up, or PKCS#11 settings while the vault is sealed).
   */
  public List<String> unusedSettings() {
    List<String> warnings = new ArrayList<>();
    for (ConfigKey key : ConfigKeys.ALL) {
      if (!given.contains(key.name())) {
        continue;
      }
      if (ConfigKeys.NOT_YET_USED.contains(key)) {
        warnings.add(key.name() + " is set, but this build of Cordon does not use it yet");
      } else if (key.name().startsWith("keys.pkcs11.") && keys.vault() == Vault.SEALED) {
        warnings.add(key.name() + " is set, but keys.vault is sealed, so it is not used");
      }
    }
    return List.copyOf(warnings);
  }

  /**
   * The metadata database.
   *
   * @param url {@code sqlite:PATH} or {@code jdbc:postgresql://HOST[:PORT]/DB[?...]}
   */
  public record Db(String url) {
    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://[^/\\s]+/[^\\s]+");

    /** Accepts only the two supported forms. */
    public Db {
      boolean sqlite = url.startsWith("sqlite:") && url.length() > "sqlite:".length();
      if (!sqlite && !POSTGRES.matcher(url).matches()) {
        throw invalid(
            ConfigKeys.DB_URL,
            "expected sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB, got '" + url + "'");
      }
    }

    /** Whether this is the embedded SQLite database. */
    public boolean isSqlite() {
      return url.startsWith("sqlite:");
    }

    /** The JDBC URL to connect with. */
    public String jdbcUrl() {
      return isSqlite() ? "jdbc:" + url : url;
    }
  }

  /** Where encrypted file contents live. S3 settings are accepted but not usable yet. */
  public record Blobs(Path dir, Optional<S3> s3) {
    /** Requires the directory. */
    public Blobs {
      Objects.requireNonNull(dir);
      Objects.requireNonNull(s3);
    }
  }

  /** An S3 bucket for file contents (not available in this build). */
  public record S3(Optional<URI> endpoint, Optional<String> bucket, Optional<String> region) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");

    /** Checks the endpoint is an http(s) URL and the bucket and region names are well formed. */
    public S3 {
      endpoint.ifPresent(
          uri -> {
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
              throw invalid(
                  ConfigKeys.BLOBS_S3_ENDPOINT, "expected an http(s) URL, got '" + uri + "'");
            }
          });
      bucket.ifPresent(
          name -> {
            if (!BUCKET.matcher(name).matches()) {
              throw invalid(ConfigKeys.BLOBS_S3_BUCKET, "not a valid bucket name: '" + name + "'");
            }
          });
      region.ifPresent(
          name -> {
            if (!REGION.matcher(name).matches()) {
              throw invalid(ConfigKeys.BLOBS_S3_REGION, "not a valid region name: '" + name + "'");
            }
          });
    }
  }

  /** Where the root key lives. */
  public enum Vault {
    /** A file sealed by a passphrase or a key file kept elsewhere. */
    SEALED,
    /** A PKCS#11 token (an HSM; SoftHSM2 in tests). */
    PKCS11
  }

  /** The key vault and, for {@link Vault#PKCS11}, its token. */
  public record Keys(Vault vault, Pkcs11 pkcs11) {
    /** A PKCS#11 vault needs the token's library, slot and PIN file. */
    public Keys {
      Objects.requireNonNull(vault);
      Objects.requireNonNull(pkcs11);
      if (vault == Vault.PKCS11) {
        if (pkcs11.library().isEmpty()) {
          throw invalid(ConfigKeys.KEYS_PKCS11_LIBRARY, "required when keys.vault is pkcs11");
        }
        if (pkcs11.slot().isEmpty()) {
          throw invalid(ConfigKeys.KEYS_PKCS11_SLOT, "required when keys.vault is pkcs11");
        }
        if (pkcs11.pinFile().isEmpty()) {
          throw invalid(ConfigKeys.KEYS_PKCS11_PIN_FILE, "required when keys.vault is pkcs11");
        }
      }
    }
  }

  /** A PKCS#11 token: its module, slot and PIN file (all required for a PKCS#11 vault). */
  public record Pkcs11(Optional<Path> library, Optional<Integer> slot, Optional<Path> pinFile) {
    /** Slots are numbered from zero. */
    public Pkcs11 {
      slot.ifPresent(s -> between(ConfigKeys.KEYS_PKCS11_SLOT, s, 0, Integer.MAX_VALUE));
    }
  }

  /** The HTTPS listener. */
  public record Http(int port, String bind) {
    /** Checks the port range and that the bind address is one word. */
    public Http {
      portNumber(ConfigKeys.HTTP_PORT, port);
      if (bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace)) {
        throw invalid(
            ConfigKeys.HTTP_BIND, "expected a host name or IP address, got '" + bind + "'");
      }
    }
  }

  /** The operator's certificate and key for HTTPS; both or neither. */
  public record Tls(Optional<Path> cert, Optional<Path> key) {
    /** Rejects one without the other. */
    public Tls {
      if (cert.isPresent() != key.isPresent()) {
        ConfigKey missing = cert.isPresent() ? ConfigKeys.TLS_KEY : ConfigKeys.TLS_CERT;
        ConfigKey set = cert.isPresent() ? ConfigKeys.TLS_CERT : ConfigKeys.TLS_KEY;
        throw invalid(
            missing, "tls.cert and tls.key go together: " + set.name() + " is set, this is not");
      }
    }

    /** Whether the operator supplied a certificate and key. */
    public boolean isConfigured() {
      return cert.isPresent();
    }
  }

  /** The SFTP listener; off when no port is set. */
  public record Sftp(Optional<Integer> port) {
    /** Checks the port range. */
    public Sftp {
      port.ifPresent(p -> portNumber(ConfigKeys.SFTP_PORT, p));
    }
  }

  /** Forwarding of events to a SIEM over syslog. */
  public record Siem(Optional<URI> syslogUrl, SyslogFormat syslogFormat) {
    /** Accepts only {@code tcp://HOST:PORT} and {@code tls://HOST:PORT}. */
    public Siem {
      Objects.requireNonNull(syslogFormat);
      syslogUrl.ifPresent(
          uri -> {
            boolean ok =
                ("tcp".equals(uri.getScheme()) || "tls".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getPort() >= 1
                    && uri.getPort() <= 65535
                    && uri.getUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            if (!ok) {
              throw invalid(
                  ConfigKeys.SIEM_SYSLOG_URL,
                  "expected tcp://HOST:PORT or tls://HOST:PORT, got '" + uri + "'");
            }
          });
    }
  }

  /** The syslog message formats a SIEM can ask for. */
  public enum SyslogFormat {
    /** ArcSight Common Event Format. */
    CEF,
    /** IBM QRadar Log Event Extended Format. */
    LEEF,
    /** Open Cybersecurity Schema Framework JSON. */
    OCSF
  }

  /** Outgoing mail; off when no host is set. */
  public record Smtp(Optional<String> host, int port, Optional<String> from) {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** Checks the port and the sender address, which mail needs. */
    public Smtp {
      portNumber(ConfigKeys.SMTP_PORT, port);
      from.ifPresent(
          address -> {
            if (!ADDRESS.matcher(address).matches()) {
              throw invalid(
                  ConfigKeys.SMTP_FROM, "expected an e-mail address, got '" + address + "'");
            }
          });
      if (host.isPresent() && from.isEmpty()) {
        throw invalid(ConfigKeys.SMTP_FROM, "required when smtp.host is set");
      }
    }
  }

  /**
   * Sharing with partners.
   *
   * @param allowedDomains e-mail domains shares may go to; empty allows any
   * @param linkBase the public base URL of links in e-mail; empty: https://localhost:PORT
   */
  public record Sharing(
      List<String> allowedDomains, Duration invitationTtl, Optional<String> linkBase) {
    /** Domains are plain host names; the invitation lifetime is 1 minute to 90 days. */
    public Sharing {
      allowedDomains = List.copyOf(allowedDomains);
      for (String d : allowedDomains) {
        if (!d.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
          throw invalid(
              ConfigKeys.SHARING_ALLOWED_DOMAINS,
              "expected lower-case domain names, got '" + d + "'");
        }
      }
      if (invitationTtl.compareTo(Duration.ofMinutes(1)) < 0
          || invitationTtl.compareTo(Duration.ofDays(90)) > 0) {
        throw invalid(ConfigKeys.SHARING_INVITATION_TTL, "expected 1m to 90d");
      }
      linkBase.ifPresent(
          base -> {
            if (!base.startsWith("https://")) {
              throw invalid(ConfigKeys.SHARING_LINK_BASE, "expected an https:// URL");
            }
          });
    }
  }

  /** An IP-location database. */
  public record Geoip(Optional<Path> mmdb) {}

  /** Policy documents. */
  public record Policy(Optional<Path> dir) {}

  /** Web session lifetimes. */
  public record Session(Duration idleTimeout, Duration absoluteTimeout) {
    /** Both positive; the idle timeout cannot exceed the absolute one. */
    public Session {
      positive(ConfigKeys.SESSION_IDLE_TIMEOUT, idleTimeout);
      positive(ConfigKeys.SESSION_ABSOLUTE_TIMEOUT, absoluteTimeout);
      if (idleTimeout.compareTo(absoluteTimeout) > 0) {
        throw invalid(
            ConfigKeys.SESSION_IDLE_TIMEOUT, "cannot be longer than session.absolute-timeout");
      }
    }
  }

  /** Throttling of failed logins. */
  public record Login(int maxFailures, Duration lockout) {
    /** At least one failure is allowed; the lockout is positive. */
    public Login {
      between(ConfigKeys.LOGIN_MAX_FAILURES, maxFailures, 1, 1000);
      positive(ConfigKeys.LOGIN_LOCKOUT, lockout);
    }
  }

  /**
   * Upload limits.
   *
   * @param resumableLifetime how long a resumable upload may stay unfinished
   */
  public record Upload(DataSize maxBytes, Duration resumableLifetime) {
    /** An upload limit of zero would refuse every file; a lifetime must be positive. */
    public Upload {
      if (maxBytes.bytes() < 1) {
        throw invalid(ConfigKeys.UPLOAD_MAX_BYTES, "expected a size above zero");
      }
      positive(ConfigKeys.UPLOAD_RESUMABLE_LIFETIME, resumableLifetime);
    }
  }

  /**
   * Content inspection: the limits every extraction runs under, the worker pool, and the malware
   * scanner.
   *
   * @param limits bytes, characters, time, depth, compression ratio and entries per file
   * @param workers threads of the inspection pool
   * @param lease how long a node's claim on a pending version holds
   * @param maxAttempts inspections of a version that failed to read or scan before it is
   *     unscannable
   * @param clamd the clamd address ({@code tcp://host:port} or {@code unix:/path}), if scanning
   * @param clamdTimeout how long one scan may take
   */
  public record Inspect(
      io.cordon.inspect.ExtractionLimits limits,
      int workers,
      java.time.Duration lease,
      int maxAttempts,
      Optional<String> clamd,
      java.time.Duration clamdTimeout) {
    /** Files that may wait per worker before uploads are told the pool is busy. */
    public static final int QUEUE_PER_WORKER = 32;

    public Inspect {
      Objects.requireNonNull(limits);
      between(ConfigKeys.INSPECT_WORKERS, workers, 1, 256);
    }

    /** The bounded queue's length. */
    public int queue() {
      return workers * QUEUE_PER_WORKER;
    }
  }

  /**
   * Audit API limits, the checkpoint cadence, and the witnesses that cosign checkpoints.
   *
   * @param witnessCa PEM CA certificates trusted for witness URLs besides the JDK's
   */
  public record Audit(
      int pageLimit,
      Duration checkpointInterval,
      List<WitnessSetting> witnesses,
      Optional<Path> witnessCa,
      Duration witnessTimeout) {
    /**
     * Between 1 and 100 000 events per page; checkpoints at least every second; witness waits from
     * 1 second to 5 minutes.
     */
    public Audit {
      between(ConfigKeys.AUDIT_PAGE_LIMIT, pageLimit, 1, 100_000);
      if (checkpointInterval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw invalid(ConfigKeys.AUDIT_CHECKPOINT_INTERVAL, "expected 1s or more");
      }
      witnesses = List.copyOf(witnesses);
      Objects.requireNonNull(witnessCa);
      if (witnessTimeout.compareTo(Duration.ofSeconds(1)) < 0
          || witnessTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
        throw invalid(ConfigKeys.AUDIT_WITNESS_TIMEOUT, "expected from 1s to 5m");
      }
    }
  }

  /**
   * Record lifecycle.
   *
   * @param retentionDefault the retention rule new workspaces get unless their creator gives one;
   *     empty keeps content forever
   */
  public record Content(Optional<io.cordon.content.RetentionPeriod> retentionDefault) {
    /** Requires the optional (the period validated itself when parsed). */
    public Content {
      Objects.requireNonNull(retentionDefault);
    }
  }

  /**
   * The WebAuthn relying party for passkeys.
   *
   * @param rpId the relying party id; empty derives it from {@code http.bind} (see {@link
   *     #relyingPartyId})
   * @param origins the exact origins assertions may come from; empty accepts {@code https://RPID}
   *     on any port
   */
  public record Webauthn(Optional<String> rpId, List<String> origins, Duration challengeTtl) {
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
    private static final Pattern ORIGIN =
        Pattern.compile("https://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

    /** An rpId is a lower-case host name; origins are https origins; challenges live 10s-1h. */
    public Webauthn {
      rpId.ifPresent(
          id -> {
            if (!HOST.matcher(id).matches()) {
              throw invalid(
                  ConfigKeys.WEBAUTHN_RP_ID, "expected a lower-case host name, got '" + id + "'");
            }
          });
      origins = List.copyOf(origins);
      for (String o : origins) {
        if (!ORIGIN.matcher(o).matches()) {
          throw invalid(
              ConfigKeys.WEBAUTHN_ORIGINS,
              "expected https://HOST[:PORT] (no path, lower case), got '" + o + "'");
        }
      }
      if (challengeTtl.compareTo(Duration.ofSeconds(10)) < 0
          || challengeTtl.compareTo(Duration.ofHours(1)) > 0) {
        throw invalid(ConfigKeys.WEBAUTHN_CHALLENGE_TTL, "expected from 10s to 1h");
      }
    }

    /**
     * The rpId: as configured, else {@code http.bind} when that is a host name, else {@code
     * localhost} (an IP address or a wildcard bind cannot be an rpId).
     */
    public String relyingPartyId(String bind) {
      if (rpId.isPresent()) {
        return rpId.get();
      }
      String b = bind.toLowerCase(java.util.Locale.ROOT);
      boolean address = b.contains(":") || b.matches("[0-9.]+");
      return address || !HOST.matcher(b).matches() ? "localhost" : b;
    }
  }

  /**
   * Who must have a second factor.
   *
   * @param requiredRoles organisation roles whose holders must enrol a second factor; {@code *} for
   *     everyone
   */
  public record Mfa(Set<String> requiredRoles) {
    /** Roles are known organisation roles or {@code *}. */
    public Mfa {
      requiredRoles = Set.copyOf(requiredRoles);
      for (String r : requiredRoles) {
        if (!r.equals("*") && !io.cordon.identity.DirectoryService.ORG_ROLES.contains(r)) {
          throw invalid(
              ConfigKeys.MFA_REQUIRED_ROLES,
              "unknown role '"
                  + r
                  + "' (known: *, "
                  + String.join(
                      ", ",
                      io.cordon.identity.DirectoryService.ORG_ROLES.stream().sorted().toList())
                  + ")");
        }
      }
    }
  }

  /**
   * Where requests come from: the zone table, the proxies whose forwarded addresses are believed
   * (both validated when loaded), and how long a device credential lives.
   */
  public record Network(
      io.cordon.context.NetworkZones zones,
      io.cordon.context.TrustedProxies trustedProxies,
      Duration deviceCookieLifetime) {
    /** Requires every part; the device credential lives between a minute and 400 days. */
    public Network {
      Objects.requireNonNull(zones);
      Objects.requireNonNull(trustedProxies);
      if (deviceCookieLifetime.compareTo(Duration.ofMinutes(1)) < 0
          || deviceCookieLifetime.compareTo(Duration.ofDays(400)) > 0) {
        throw invalid(ConfigKeys.DEVICE_COOKIE_LIFETIME, "expected from 1m to 400d");
      }
    }
  }
}
