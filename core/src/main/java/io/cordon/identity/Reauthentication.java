package io.cordon.identity;

import com.google.crypto.tink.Aead;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.AuditEvents;
import io.cordon.storage.MetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Re-authentication at the moment of signing (21 CFR 11.200(a)(1)): the signer proves again who
 * they are with two distinct components, their password and a current TOTP code, however the
 * request itself was authenticated. A wrong password or code counts toward the same account lockout
 * as a failed login ({@link LoginThrottle}), is recorded as a denied event of the calling
 * operation, and spends nothing else; a code is accepted once only, even from two requests at once
 * ({@link Users#advanceTotpStep}). Thread-safe.
 */
public final class Reauthentication {
  private final MetadataStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SealedTotp sealedTotp;
  private final Clock clock;

  public Reauthentication(
      MetadataStore store,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Supplier<Aead> systemSecrets,
      Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.throttle = throttle;
    this.sealedTotp = new SealedTotp(systemSecrets, Totp.standard(clock));
    this.clock = clock;
  }

  /**
   * Confirms that the request's subject is present, by password and TOTP code.
   *
   * @param auditAction the operation a refusal is recorded under (e.g. {@code signature.create})
   * @param object what that operation was about
   * @throws CordonException.Conflict if the user has no confirmed second factor to sign with
   * @throws CordonException.Denied if the password or the code is wrong, or the account is locked
   */
  public void confirm(
      RequestContext ctx, char[] password, String code, String auditAction, AuditObject object) {
    Subject who = ctx.requireSubject();
    if (password == null || password.length == 0 || code == null || code.isBlank()) {
      throw new CordonException.InvalidInput("signing needs the password and a current code");
    }
    User user = store.read(tx -> tx.users().find(who.user())).orElseThrow();
    if (!user.totpEnabled() || user.totpSealed().isEmpty()) {
      refuse(ctx, auditAction, object, "no second factor enrolled");
      throw new CordonException.Conflict(
          "signing needs an enrolled second factor (TOTP); enrol one first");
    }
    // Hashed outside the transaction: Argon2id takes long enough to matter to other writers.
    boolean passwordOk =
        user.passwordHash()
            .map(h -> hasher.verify(password, h))
            .orElseGet(
                () -> {
                  hasher.verifyDummy(password);
                  return false;
                });
    String refusal =
        store.inTransaction(
            tx -> settle(tx, ctx, who.user(), passwordOk, code, auditAction, object));
    if (refusal != null) {
      throw new CordonException.Denied(
          refusal.startsWith("account locked")
              ? "the account is locked after repeated failures; try again later"
              : "re-authentication failed: wrong password or code");
    }
  }

  /** Checks the code and records the result; returns the refusal, or null when confirmed. */
  private String settle(
      io.cordon.storage.Transaction tx,
      RequestContext ctx,
      UserId id,
      boolean passwordOk,
      String code,
      String auditAction,
      AuditObject object) {
    Instant now = clock.instant();
    User user = tx.users().find(id).orElseThrow();
    String refusal;
    if (user.isLockedAt(now)) {
      refusal = "account locked";
    } else if (!passwordOk) {
      refusal = "wrong password";
    } else {
      OptionalLong step = sealedTotp.verify(user, code, now);
      if (step.isPresent() && tx.users().advanceTotpStep(id, step.getAsLong())) {
        tx.users().setLoginFailures(id, 0, Optional.empty());
        return null;
      }
      refusal = "wrong or reused TOTP code";
    }
    if (!user.isLockedAt(now)) {
      LoginThrottle.Lockout lock = throttle.afterFailure(user.failedLogins());
      tx.users().setLoginFailures(user.id(), lock.failures(), lock.lockedUntil());
      refusal += lock.lockedUntil().map(t -> "; account locked until " + t).orElse("");
    }
    tx.audit().append(denied(ctx, now, auditAction, object, refusal));
    return refusal;
  }

  private void refuse(RequestContext ctx, String auditAction, AuditObject object, String reason) {
    store.inTransaction(
        tx -> tx.audit().append(denied(ctx, clock.instant(), auditAction, object, reason)));
  }

  private static AuditEvent denied(
      RequestContext ctx, Instant now, String action, AuditObject object, String reason) {
    return AuditEvents.of(
        ctx,
        now,
        action,
        Optional.of(object),
        AuditEvent.Outcome.DENIED,
        Optional.of("re-authentication failed: " + reason),
        Map.of("reauthentication", "password+totp"));
  }
}
