package io.cordon.testing;

import io.cordon.audit.AuditEvent;
import io.cordon.content.Classification;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.context.AuthMethod;
import io.cordon.context.OpaqueId;
import io.cordon.crypto.KeysetId;
import io.cordon.crypto.KeysetRecord;
import io.cordon.crypto.KeysetStatus;
import io.cordon.identity.ApiTokenRecord;
import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.Organisation;
import io.cordon.identity.SessionRecord;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.identity.UserStatus;
import io.cordon.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sample records for store tests. Names carry a random part, so tests may share one database; times
 * are whole milliseconds, the precision stores keep. Stateless and thread-safe.
 */
public final class Samples {
  private Samples() {}

  /** Now, truncated to what a store keeps. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** A name no other test uses. */
  public static String unique(String prefix) {
    return prefix + "-" + OpaqueId.next("n").substring(2);
  }

  public static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  public static Organisation organisation() {
    return new Organisation(OrgId.random(), unique("org"), OrgKind.PARTNER, now());
  }

  /** A user with every optional field present. */
  public static User user(OrgId org, String username) {
    return new User(
        UserId.random(),
        username,
        username + "@example.org",
        org,
        Set.of("member", "auditor"),
        Optional.of("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"),
        Optional.of("c2VhbGVk"),
        true,
        59_000_123L,
        2,
        Optional.of(now().plus(Duration.ofMinutes(15))),
        UserStatus.ACTIVE,
        now());
  }

  public static KeysetRecord keyset() {
    return new KeysetRecord(
        KeysetId.random(),
        "workspace-kek",
        Optional.of(new byte[] {1, 2, 3, (byte) 0xff}),
        123456789L,
        KeysetStatus.ENABLED,
        now(),
        now());
  }

  public static Workspace workspace(KeysetId kek, UserId creator) {
    return new Workspace(
        WorkspaceId.random(), unique("ws"), Classification.CONFIDENTIAL, "eu", kek, creator, now());
  }

  public static StoredFile file(WorkspaceId workspace, UserId creator, String name) {
    return new StoredFile(FileId.random(), workspace, name, creator, now());
  }

  /** A version to append; its number is ignored by the store. */
  public static FileVersion version(FileId file, UserId creator) {
    return new FileVersion(
        file,
        1,
        OpaqueId.next("v"),
        1234,
        hex(32),
        hex(16),
        new byte[] {9, 8, 7},
        Classification.RESTRICTED,
        List.of("PHI", "PII"),
        creator,
        now());
  }

  public static SessionRecord session(UserId user, Instant expires) {
    return new SessionRecord(
        OpaqueId.next("s"),
        hex(32),
        user,
        AuthMethod.PASSWORD,
        true,
        "203.0.113.7",
        now(),
        now(),
        expires,
        false);
  }

  public static ApiTokenRecord token(UserId user) {
    return new ApiTokenRecord(
        OpaqueId.next("t"),
        hex(32),
        user,
        Set.of("api", "metrics"),
        now(),
        now().plus(Duration.ofDays(30)),
        false);
  }

  /** An event with every optional field filled, to prove nothing is lost on the way. */
  public static AuditEvent event(String action) {
    return new AuditEvent(
        0,
        now(),
        new AuditEvent.Actor(
            Optional.of(UserId.random().value()),
            Optional.of("alice@cdmo.example"),
            Optional.of(OrgId.random().value()),
            Optional.of("home"),
            List.of("admin", "member"),
            Optional.of(OpaqueId.next("s")),
            Optional.of("password+totp")),
        action,
        Optional.of(
            new AuditEvent.AuditObject(
                "file",
                FileId.random().value(),
                Optional.of("batch-record.pdf"),
                Optional.of(WorkspaceId.random().value()),
                Optional.of("confidential"),
                List.of("PHI"))),
        AuditEvent.Outcome.DENIED,
        Optional.of("not a member"),
        new AuditEvent.EventContext(
            "web",
            Optional.of("198.51.100.4"),
            Optional.of("office"),
            Optional.of(
                new AuditEvent.Geo(
                    Optional.of("DE"),
                    Optional.of("Berlin"),
                    Optional.of(52.5),
                    Optional.of(13.4))),
            Optional.of("laptop-7"),
            Optional.of("Mozilla/5.0")),
        Map.of("bytes", 42, "note", "ünïcode ✓"));
  }

  /** An organisation, a user in it, a keyset and a workspace, inserted in one transaction. */
  public static Seed seed(Transaction tx) {
    Organisation org = organisation();
    tx.organisations().insert(org);
    User user = user(org.id(), unique("user"));
    tx.users().insert(user);
    KeysetRecord kek = keyset();
    tx.keysets().insert(kek);
    Workspace ws = workspace(kek.id(), user.id());
    tx.workspaces().insert(ws);
    return new Seed(org, user, kek, ws);
  }

  /** What {@link #seed} inserted. */
  public record Seed(Organisation org, User user, KeysetRecord kek, Workspace workspace) {}
}
