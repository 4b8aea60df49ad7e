package io.cordon.identity;

import io.cordon.audit.AuditEvent;
import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.AuditEvents;
import io.cordon.storage.MetadataStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One-time recovery codes (NIST SP 800-63B §5.1.2, look-up secrets): a second factor for when the
 * others are lost. A set of {@link #CODES} codes is shown once when generated; only their SHA-256
 * is stored (each has 80 random bits, so a fast hash cannot be searched); each works once, spent by
 * compare-and-set; generating a new set voids the old one. A wrong code counts towards the account
 * lockout like a wrong TOTP code. Every use is audited ({@code auth.mfa} and {@code
 * auth.mfa_recovery_used}, which names how many codes are left, for notifying the user).
 * Thread-safe.
 */
public final class RecoveryCodeService {
  /** Codes per set. */
  public static final int CODES = 10;

  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final int CHARS = 16;

  private final MetadataStore store;
  private final IdentityService identity;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public RecoveryCodeService(
      MetadataStore store, IdentityService identity, LoginThrottle throttle, Clock clock) {
    this.store = store;
    this.identity = identity;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * A new set of codes for the request's user, replacing any earlier set. Needs a session that
   * proved a second factor (so a stolen password alone cannot mint a way around the others).
   */
  public List<String> regenerate(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    List<String> codes = new ArrayList<>();
    Set<String> hashes = new LinkedHashSet<>();
    while (codes.size() < CODES) {
      String code = newCode();
      if (hashes.add(hash(who.user(), code))) {
        codes.add(code);
      }
    }
    store.inTransaction(
        tx -> {
          SessionRecord s = IdentityService.session(tx, ctx.sessionId().orElseThrow());
          User user = tx.users().find(who.user()).orElseThrow();
          if (!MfaFactors.hasAny(tx, user)) {
            throw new CordonException.Conflict(
                "recovery codes back up a second factor: enrol TOTP or a passkey first");
          }
          if (!s.auth().isMultiFactor()) {
            throw new CordonException.StepUpRequired(
                "prove a second factor on this session before generating recovery codes");
          }
          tx.recoveryCodes().replace(user.id(), hashes, clock.instant());
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      clock.instant(),
                      "auth.mfa_enroll",
                      Optional.of(IdentityService.userObject(user)),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of("factor", MfaFactors.RECOVERY, "codes", CODES)));
          return null;
        });
    return List.copyOf(codes);
  }

  /** How many unused codes the request's user has. */
  public int remaining(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return store.read(tx -> tx.recoveryCodes().remaining(who.user()));
  }

  /**
   * Spends a code as the second factor of the request's session (completing a login or stepping
   * up).
   *
   * @throws CordonException.Unauthenticated if the code is wrong or spent (audited)
   */
  public void complete(RequestContext ctx, String code) {
    Subject who = ctx.requireSubject();
    String normal = normalise(code);
    Instant now = clock.instant();
    String refusal =
        store.inTransaction(
            tx -> {
              SessionRecord s = IdentityService.session(tx, ctx.sessionId().orElseThrow());
              User user = tx.users().find(who.user()).orElseThrow();
              String reason =
                  user.isLockedAt(now)
                      ? "account locked"
                      : normal == null
                          ? "malformed recovery code"
                          : !tx.recoveryCodes().spend(user.id(), hash(user.id(), normal), now)
                              ? "wrong or used recovery code"
                              : null;
              if (reason != null) {
                if (!user.isLockedAt(now)) {
                  LoginThrottle.Lockout lock = throttle.afterFailure(user.failedLogins());
                  tx.users().setLoginFailures(user.id(), lock.failures(), lock.lockedUntil());
                  reason += lock.lockedUntil().map(t -> "; account locked until " + t).orElse("");
                }
                tx.audit()
                    .append(
                        AuditEvents.of(
                            ctx,
                            now,
                            "auth.mfa",
                            Optional.of(IdentityService.userObject(user)),
                            AuditEvent.Outcome.DENIED,
                            Optional.of(reason),
                            Map.of("factor", MfaFactors.RECOVERY)));
                return reason;
              }
              int left = tx.recoveryCodes().remaining(user.id());
              identity.secondFactorProven(
                  tx,
                  ctx,
                  s,
                  user,
                  AuthMethod.PASSWORD_RECOVERY,
                  MfaFactors.RECOVERY,
                  Map.of("codesLeft", left));
              tx.audit()
                  .append(
                      AuditEvents.of(
                          ctx.authenticated(who, s.id(), AuthMethod.PASSWORD_RECOVERY),
                          now,
                          "auth.mfa_recovery_used",
                          Optional.of(IdentityService.userObject(user)),
                          AuditEvent.Outcome.SUCCESS,
                          Optional.empty(),
                          Map.of("codesLeft", left)));
              return null;
            });
    if (refusal != null) {
      throw new CordonException.Unauthenticated("wrong or used recovery code");
    }
  }

  private String newCode() {
    char[] c = new char[CHARS];
    for (int i = 0; i < CHARS; i++) {
      c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    String s = new String(c);
    return s.substring(0, 4)
        + "-"
        + s.substring(4, 8)
        + "-"
        + s.substring(8, 12)
        + "-"
        + s.substring(12);
  }

  /** The code without separators and case, or null if it cannot be one of ours. */
  static String normalise(String code) {
    if (code == null || code.length() > 64) {
      return null;
    }
    String n = code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (n.length() != CHARS) {
      return null;
    }
    for (char ch : n.toCharArray()) {
      if (new String(ALPHABET).indexOf(ch) < 0) {
        return null;
      }
    }
    return n.substring(0, 4)
        + "-"
        + n.substring(4, 8)
        + "-"
        + n.substring(8, 12)
        + "-"
        + n.substring(12);
  }

  /** The stored form: bound to the user, so a code (or its hash) is worth nothing elsewhere. */
  static String hash(UserId user, String normalCode) {
    return SecretTokens.sha256Hex("recovery:" + user.value() + ":" + normalCode);
  }
}
