package io.cordon.sharing;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.AuditEvents;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.identity.DirectoryService;
import io.cordon.identity.PasswordHasher;
import io.cordon.identity.SecretTokens;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.identity.UserStatus;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Accepting an invitation: the single-use token from the invitation e-mail sets the account's first
 * password and activates it. Like a login, this is authentication rather than a policy question:
 * the token is the credential. It works once (spent by compare-and-set), only before it expires,
 * and every failure looks the same, so that it is no oracle for which tokens exist. Success and
 * failure are audited ({@code user.invitation_accept}). Thread-safe.
 */
public final class InvitationService {
  private static final String ACTION = "user.invitation_accept";
  private static final String REFUSED = "the invitation link is invalid, used or expired";

  private final MailSeal seal;
  private final OneDoor door;
  private final MetadataStore store;
  private final PasswordHasher hasher;
  private final Guests guests;
  private final Clock clock;

  public InvitationService(
      OneDoor door,
      MetadataStore store,
      PasswordHasher hasher,
      SharingSettings settings,
      MailSeal seal,
      Clock clock) {
    this.door = door;
    this.seal = seal;
    this.store = store;
    this.hasher = hasher;
    this.guests = new Guests(settings);
    this.clock = clock;
  }

  /**
   * Invites an existing account that has no password: a single-use link goes to its e-mail address
   * through the outbox ({@code user.invite}, an administrator's action).
   */
  public void invite(RequestContext ctx, UserId user) {
    door.perform(
        ctx,
        Guarded.of("user.invite", Action.ADMINISTER, Resource.system("user")),
        (tx, resource) -> {
          User u =
              tx.users().find(user).orElseThrow(() -> new CordonException.NotFound("no such user"));
          if (u.passwordHash().isPresent()) {
            throw new CordonException.Conflict("user " + u.username() + " has a password already");
          }
          if (u.email().isEmpty()) {
            throw new CordonException.InvalidInput(
                "user " + u.username() + " has no e-mail address to send the invitation to");
          }
          guests.invite(tx, u, clock.instant(), m -> seal.enqueue(tx, m));
          return Performed.of(null, AuditObject.of("user", u.id().value(), u.username()));
        });
  }

  /** Sets the invited account's password and activates it; returns its username. */
  public String accept(RequestContext ctx, String token, char[] password) {
    if (token == null || !token.startsWith(Guests.TOKEN_PREFIX) || token.length() > 100) {
      refuse(ctx);
    }
    String hash = hasher.hash(DirectoryService.checkPassword(password));
    String tokenHash = SecretTokens.sha256Hex(token);
    Instant now = clock.instant();
    Optional<String> accepted =
        store.inTransaction(
            tx -> {
              Optional<Invitation> inv = tx.invitations().find(tokenHash);
              if (inv.isEmpty() || !tx.invitations().spend(tokenHash, now)) {
                return Optional.<String>empty();
              }
              User user = tx.users().find(inv.get().user()).orElseThrow();
              if (user.status() == UserStatus.DISABLED) {
                return Optional.<String>empty();
              }
              tx.users().update(user.withPasswordHash(hash).withStatus(UserStatus.ACTIVE));
              tx.audit()
                  .append(
                      AuditEvents.of(
                          ctx,
                          now,
                          ACTION,
                          Optional.of(AuditObject.of("user", user.id().value(), user.username())),
                          AuditEvent.Outcome.SUCCESS,
                          Optional.empty(),
                          Map.of()));
              return Optional.of(user.username());
            });
    return accepted.orElseGet(() -> refuse(ctx));
  }

  private String refuse(RequestContext ctx) {
    store.inTransaction(
        tx ->
            tx.audit()
                .append(
                    AuditEvents.of(
                        ctx,
                        clock.instant(),
                        ACTION,
                        Optional.empty(),
                        AuditEvent.Outcome.DENIED,
                        Optional.of(REFUSED),
                        Map.of())));
    throw new CordonException.Unauthenticated(REFUSED);
  }
}
