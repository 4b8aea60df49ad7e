package io.cordon.identity;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.AuthMethod;
import io.cordon.context.Channel;
import io.cordon.context.CordonException;
import io.cordon.context.OpaqueId;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.crypto.KeyHierarchy;
import io.cordon.crypto.KeysetRecord;
import io.cordon.door.AuditEvents;
import io.cordon.storage.MetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * First start of an installation and the identity of its local operator. Initialising creates, in
 * one audited transaction: the install id, the system secrets keyset, the home organisation, the
 * built-in {@code cordon-operator} account (which cannot log in; offline CLI commands act as it)
 * and the first administrator. Thread-safe.
 */
public final class InstallationService {
  public static final String OPERATOR = "cordon-operator";
  public static final String INSTALL_ID = "install.id";
  public static final String SYSTEM_SECRETS = "keys.system-secrets";

  private final MetadataStore store;
  private final KeyHierarchy keys;
  private final PasswordHasher hasher;
  private final Clock clock;

  public InstallationService(
      MetadataStore store, KeyHierarchy keys, PasswordHasher hasher, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.hasher = hasher;
    this.clock = clock;
  }

  public boolean isInitialised() {
    return store.read(tx -> tx.settings().get(INSTALL_ID).isPresent());
  }

  /** Initialises an empty installation; refuses one that already is. */
  public User initialise(String homeOrg, String adminUsername, char[] adminPassword) {
    String admin = DirectoryService.checkUsername(adminUsername);
    String hash = hasher.hash(DirectoryService.checkPassword(adminPassword));
    return store.inTransaction(
        tx -> {
          if (tx.settings().get(INSTALL_ID).isPresent()) {
            throw new CordonException.Conflict("this installation is already initialised");
          }
          Instant now = clock.instant();
          String installId = OpaqueId.next("i");
          tx.settings().put(INSTALL_ID, installId);
          KeysetRecord secrets = keys.newKeyset("system-secrets");
          tx.keysets().insert(secrets);
          tx.settings().put(SYSTEM_SECRETS, secrets.id().value());
          Organisation org = new Organisation(OrgId.random(), homeOrg, OrgKind.HOME, now);
          tx.organisations().insert(org);
          User operator =
              DirectoryService.newUser(OPERATOR, "", org, Set.of("admin"), Optional.empty(), now);
          tx.users().insert(operator);
          User first =
              DirectoryService.newUser(admin, "", org, Set.of("admin"), Optional.of(hash), now);
          tx.users().insert(first);
          RequestContext ctx = operatorContext(org, operator);
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      now,
                      "system.init",
                      Optional.of(AuditObject.of("installation", installId, null)),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of("homeOrg", homeOrg)));
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      now,
                      "user.create",
                      Optional.of(AuditObject.of("user", first.id().value(), admin)),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of("roles", java.util.List.of("admin"))));
          return first;
        });
  }

  /** The context offline CLI commands run in: the local operator, channel {@code cli}. */
  public RequestContext operatorContext() {
    return store.read(
        tx -> {
          User operator =
              tx.users()
                  .findByUsername(OPERATOR)
                  .orElseThrow(
                      () -> new CordonException.Conflict("the installation is not initialised"));
          Organisation org = tx.organisations().find(operator.org()).orElseThrow();
          return operatorContext(org, operator);
        });
  }

  /**
   * A context in which the local operator acts as the named user, on the CLI channel with
   * authentication {@code local}: for seeding and offline tooling run by whoever holds the data
   * directory and its root key (and could do anything anyway). Every action stays audited under
   * that user with {@code auth: local}.
   */
  public RequestContext localContextFor(String username) {
    return store.read(
        tx -> {
          User user =
              tx.users()
                  .findByUsername(username)
                  .orElseThrow(() -> new CordonException.NotFound("no user '" + username + "'"));
          Organisation org = tx.organisations().find(user.org()).orElseThrow();
          return operatorContext(org, user);
        });
  }

  /** The id of the system secrets keyset (TOTP secrets and the like are sealed under it). */
  public KeysetRecord systemSecrets() {
    return store.read(
        tx ->
            tx.settings()
                .get(SYSTEM_SECRETS)
                .flatMap(id -> tx.keysets().find(new io.cordon.crypto.KeysetId(id)))
                .orElseThrow(
                    () -> new CordonException.Conflict("the installation is not initialised")));
  }

  private static RequestContext operatorContext(Organisation org, User operator) {
    Subject subject =
        new Subject(operator.id(), operator.username(), org.id(), org.kind(), operator.roles());
    return RequestContext.anonymous(Channel.CLI, "127.0.0.1", Optional.empty(), "")
        .authenticated(subject, null, AuthMethod.LOCAL_OPERATOR);
  }
}
