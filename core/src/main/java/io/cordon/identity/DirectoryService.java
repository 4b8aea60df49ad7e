package io.cordon.identity;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The directory of organisations and users, behind the one door: administrators create, members of
 * the home organisation read. Thread-safe.
 */
public final class DirectoryService {
  /** Organisation-wide roles. Workspace roles are separate (see WorkspaceRole). */
  public static final Set<String> ORG_ROLES =
      Set.of("admin", "auditor", "security", "compliance", "member");

  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{2,128}");
  private static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD = 1024;

  private final OneDoor door;
  private final PasswordHasher hasher;

  public DirectoryService(OneDoor door, PasswordHasher hasher) {
    this.door = door;
    this.hasher = hasher;
  }

  public Organisation createOrganisation(RequestContext ctx, String rawName, OrgKind kind) {
    String name = checkName(rawName);
    return door.perform(
        ctx,
        Guarded.of("organisation.create", Action.ADMINISTER, Resource.system("organisation")),
        (tx, resource) -> {
          if (kind == OrgKind.HOME
              && tx.organisations().list().stream().anyMatch(o -> o.kind() == OrgKind.HOME)) {
            throw new CordonException.Conflict("there is already a home organisation");
          }
          Organisation org = new Organisation(OrgId.random(), name, kind, door.clock().instant());
          tx.organisations().insert(org);
          return Performed.of(
              org,
              AuditObject.of("organisation", org.id().value(), name),
              Map.of("kind", kind.code()));
        });
  }

  /**
   * Records an organisation's Business Associate Agreement (administrators; audited {@code
   * organisation.baa} with the agreement before and after). The third-party-risk capability will
   * maintain it from the partner's agreements; policy reads it as the agreement {@code BAA}.
   */
  public Baa setBaa(RequestContext ctx, OrgId id, Baa baa) {
    return door.perform(
        ctx,
        Guarded.of(
            "organisation.baa",
            Action.ADMINISTER,
            tx -> Resource.system("organisation"),
            AuditObject.of("organisation", id.value(), null)),
        (tx, resource) -> {
          Organisation org =
              tx.organisations()
                  .find(id)
                  .orElseThrow(() -> new CordonException.NotFound("no such organisation"));
          Baa before = tx.organisations().baa(id);
          tx.organisations().setBaa(id, baa);
          Map<String, Object> details = new java.util.LinkedHashMap<>();
          details.put("baaBefore", before.signed());
          before.effective().ifPresent(e -> details.put("effectiveBefore", e.toString()));
          details.put("baa", baa.signed());
          baa.effective().ifPresent(e -> details.put("effective", e.toString()));
          return Performed.of(baa, AuditObject.of("organisation", id.value(), org.name()), details);
        });
  }

  /** An organisation's BAA (whoever may list organisations may see it). */
  public Baa baa(RequestContext ctx, OrgId id) {
    return door.perform(
        ctx,
        Guarded.of("organisation.view", Action.VIEW, Resource.system("organisation")),
        (tx, resource) -> {
          Organisation org =
              tx.organisations()
                  .find(id)
                  .orElseThrow(() -> new CordonException.NotFound("no such organisation"));
          return Performed.of(
              tx.organisations().baa(id), AuditObject.of("organisation", id.value(), org.name()));
        });
  }

  public List<Organisation> organisations(RequestContext ctx) {
    return door.perform(
        ctx,
        Guarded.of("organisation.list", Action.VIEW, Resource.system("organisation")),
        (tx, resource) -> new Performed<>(tx.organisations().list(), Optional.empty(), Map.of()));
  }

  /**
   * Creates a user in an existing organisation. Without a password the account cannot log in until
   * one is set (an invitation, in a later release).
   */
  public User createUser(
      RequestContext ctx,
      String username,
      String email,
      String orgName,
      Set<String> roles,
      Optional<char[]> password) {
    return createUser(ctx, username, email, orgName, roles, password, Optional.empty());
  }

  /**
   * As {@link #createUser(RequestContext, String, String, String, Set, Optional)}, with the full
   * name printed in the user's signature manifests (21 CFR 11.50(a)(1)).
   */
  public User createUser(
      RequestContext ctx,
      String username,
      String email,
      String orgName,
      Set<String> roles,
      Optional<char[]> password,
      Optional<String> displayName) {
    String name = checkUsername(username);
    Optional<String> printed = displayName.map(User::checkDisplayName);
    Set<String> checkedRoles = checkRoles(roles);
    Optional<String> hash = password.map(p -> hasher.hash(checkPassword(p)));
    return door.perform(
        ctx,
        Guarded.of("user.create", Action.ADMINISTER, Resource.system("user")),
        (tx, resource) -> {
          Organisation org =
              tx.organisations()
                  .findByName(orgName)
                  .orElseThrow(
                      () -> new CordonException.NotFound("no organisation '" + orgName + "'"));
          if (org.kind() == OrgKind.PARTNER && checkedRoles.contains("admin")) {
            throw new CordonException.InvalidInput("partner users cannot be administrators");
          }
          User user =
              newUser(name, email, org, checkedRoles, hash, door.clock().instant())
                  .withDisplayName(printed);
          tx.users().insert(user);
          return Performed.of(
              user,
              AuditObject.of("user", user.id().value(), name),
              Map.of("org", org.name(), "roles", checkedRoles.stream().sorted().toList()));
        });
  }

  public List<User> users(RequestContext ctx) {
    return door.perform(
        ctx,
        Guarded.of("user.list", Action.VIEW, Resource.system("user")),
        (tx, resource) -> new Performed<>(tx.users().list(), Optional.empty(), Map.of()));
  }

  /**
   * Disables or re-enables an account (administrators). A disabled account's sessions and tokens
   * stop working on their next request, downloads in flight included (the credential is checked
   * again every chunk); re-enabling does not bring its old sessions back to life for longer than
   * they had. Nobody disables their own account (an installation must not lock out its last
   * administrator by accident), and an invited account is enabled by accepting its invitation.
   */
  public User setEnabled(RequestContext ctx, UserId id, boolean enabled) {
    String action = enabled ? "user.enable" : "user.disable";
    return door.perform(
        ctx,
        Guarded.of(action, Action.ADMINISTER, Resource.system("user")),
        (tx, resource) -> {
          User user =
              tx.users().find(id).orElseThrow(() -> new CordonException.NotFound("no such user"));
          if (ctx.subject().map(s -> s.user().equals(id)).orElse(false)) {
            throw new CordonException.Conflict("you cannot disable or enable your own account");
          }
          if (user.status() == UserStatus.INVITED) {
            throw new CordonException.Conflict(
                "the account is still invited: it becomes active when the invitation is accepted");
          }
          UserStatus wanted = enabled ? UserStatus.ACTIVE : UserStatus.DISABLED;
          User changed = user.status() == wanted ? user : user.withStatus(wanted);
          if (changed != user) {
            tx.users().update(changed);
          }
          return Performed.of(
              changed,
              AuditObject.of("user", user.id().value(), user.username()),
              Map.of("status", wanted.code(), "changed", changed != user));
        });
  }

  static User newUser(
      String name,
      String email,
      Organisation org,
      Set<String> roles,
      Optional<String> hash,
      java.time.Instant now) {
    return new User(
        UserId.random(),
        name,
        email,
        org.id(),
        roles,
        hash,
        Optional.empty(),
        false,
        0,
        0,
        Optional.empty(),
        UserStatus.ACTIVE,
        now);
  }

  public static String checkUsername(String raw) {
    if (raw == null || !USERNAME.matcher(raw).matches()) {
      throw new CordonException.InvalidInput("username must be 2-128 letters, digits or . _ @ + -");
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  public static char[] checkPassword(char[] password) {
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
      throw new CordonException.InvalidInput(
          "password must be between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters");
    }
    return password;
  }

  static Set<String> checkRoles(Set<String> roles) {
    Set<String> checked = roles.isEmpty() ? Set.of("member") : Set.copyOf(roles);
    for (String r : checked) {
      if (!ORG_ROLES.contains(r)) {
        throw new CordonException.InvalidInput(
            "unknown role '" + r + "' (known: admin, auditor, security, compliance, member)");
      }
    }
    return checked;
  }

  private static String checkName(String raw) {
    if (raw == null
        || raw.isBlank()
        || raw.length() > 200
        || raw.chars().anyMatch(Character::isISOControl)) {
      throw new CordonException.InvalidInput(
          "organisation name must be 1-200 printable characters");
    }
    return raw.strip();
  }
}
