package io.cordon.identity;

import com.google.crypto.tink.Aead;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.AuditEvents;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Authentication: password logins with lockout and per-address throttling, the TOTP second factor
 * (RFC 6238) and its enrolment, sessions, API tokens. This is the "authenticate" step before the
 * one door, so it audits its own events ({@code auth.login}, {@code auth.login_failed}, {@code
 * auth.mfa}, {@code auth.logout}, {@code token.create}) in the transaction of each change.
 *
 * <p>Secrets never reach the database: sessions and tokens are stored as SHA-256 hashes, TOTP
 * secrets sealed under the system secrets key. Thread-safe.
 */
public final class IdentityService implements io.cordon.context.CredentialStatus {
  private static final String GENERIC_FAILURE = "wrong username or password";
  private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

  private final MetadataStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionPolicy limits;
  private final Clock clock;
  private final String issuer;
  private final Totp totp;
  private final SealedTotp sealedTotp;
  private final MfaRequirement mfaRequirement;
  private final SecretTokens secrets = new SecretTokens();
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  public IdentityService(
      MetadataStore store,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Supplier<Aead> systemSecrets,
      SessionPolicy limits,
      Clock clock,
      String issuer) {
    this(store, hasher, throttle, systemSecrets, limits, clock, issuer, MfaRequirement.none());
  }

  /** As the other constructor, with the roles that must have a second factor. */
  public IdentityService(
      MetadataStore store,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Supplier<Aead> systemSecrets,
      SessionPolicy limits,
      Clock clock,
      String issuer,
      MfaRequirement mfaRequirement) {
    this.mfaRequirement = mfaRequirement;
    this.store = store;
    this.hasher = hasher;
    this.throttle = throttle;
    this.limits = limits;
    this.clock = clock;
    this.issuer = issuer;
    this.totp = Totp.standard(clock);
    this.sealedTotp = new SealedTotp(systemSecrets, totp);
  }

  /** Checks a password and opens a session; a second factor may still be owed. */
  public LoginResult login(RequestContext ctx, String username, char[] password) {
    if (username == null || username.isBlank() || username.length() > 256 || password == null) {
      throw new CordonException.InvalidInput("username and password are required");
    }
    // Only failures count against an address, so a busy office behind one NAT is not throttled
    // by its own successful logins.
    AddressRateLimiter.Verdict verdict = throttle.addresses().peek(ctx.clientIp());
    if (!verdict.allowed()) {
      recordFailure(ctx, username, "throttled", Optional.empty());
      throw new CordonException.Throttled(
          "too many login attempts; try again later", verdict.retryAfterSeconds());
    }
    Optional<User> found = store.read(tx -> tx.users().findByUsername(username));
    if (found.isEmpty()) {
      hasher.verifyDummy(password);
      throttle.addresses().tryAcquire(ctx.clientIp());
      recordFailure(ctx, username, "unknown user", Optional.empty());
      throw new CordonException.Unauthenticated(GENERIC_FAILURE);
    }
    User user = found.get();
    boolean passwordOk =
        user.passwordHash()
            .map(h -> hasher.verify(password, h))
            .orElseGet(
                () -> {
                  hasher.verifyDummy(password);
                  return false;
                });
    Optional<LoginResult> result =
        store.inTransaction(tx -> completeLogin(tx, ctx, user.id(), passwordOk, username));
    if (result.isEmpty()) {
      throttle.addresses().tryAcquire(ctx.clientIp());
      throw new CordonException.Unauthenticated(GENERIC_FAILURE);
    }
    return result.get();
  }

  private Optional<LoginResult> completeLogin(
      Transaction tx, RequestContext ctx, UserId id, boolean passwordOk, String claimed) {
    Instant now = clock.instant();
    User user = tx.users().find(id).orElseThrow();
    String refusal =
        user.status() != UserStatus.ACTIVE
            ? "account disabled"
            : user.isLockedAt(now) ? "account locked" : !passwordOk ? "wrong password" : null;
    if (refusal != null) {
      if (!passwordOk && !user.isLockedAt(now)) {
        LoginThrottle.Lockout lock = throttle.afterFailure(user.failedLogins());
        tx.users().setLoginFailures(user.id(), lock.failures(), lock.lockedUntil());
        if (lock.lockedUntil().isPresent()) {
          refusal = refusal + "; account locked until " + lock.lockedUntil().get();
        }
      }
      tx.audit().append(failureEvent(ctx, claimed, refusal, Optional.of(user)));
      return Optional.empty();
    }
    tx.users().setLoginFailures(user.id(), 0, Optional.empty());
    // Whoever has a factor is asked for it; whoever must have one and has none may only enrol.
    java.util.List<String> factors = MfaFactors.of(tx, user);
    boolean enrolmentRequired = factors.isEmpty() && isMfaRequired(tx, user);
    boolean mfaPending = !factors.isEmpty() || enrolmentRequired;
    IssuedSecret issued = secrets.issue(SecretTokens.Kind.SESSION);
    String secret = issued.secret();
    SessionRecord session =
        new SessionRecord(
            io.cordon.context.OpaqueId.next("s"),
            issued.secretHash(),
            user.id(),
            AuthMethod.PASSWORD,
            mfaPending,
            ctx.clientIp(),
            now,
            now,
            now.plus(limits.absoluteTimeout()),
            false,
            new SessionAnchor(Optional.empty(), ctx.zone(), ctx.country(), Optional.empty()));
    tx.sessions().insert(session);
    Subject subject = subjectOf(tx, user, clock.instant());
    RequestContext who = ctx.authenticated(subject, session.id(), AuthMethod.PASSWORD);
    tx.audit()
        .append(
            AuditEvents.of(
                who,
                now,
                "auth.login",
                Optional.of(userObject(user)),
                AuditEvent.Outcome.SUCCESS,
                Optional.empty(),
                enrolmentRequired
                    ? Map.of("mfaPending", true, "enrolmentRequired", true)
                    : Map.of("mfaPending", mfaPending)));
    return Optional.of(
        new LoginResult(secret, session, user, mfaPending, factors, enrolmentRequired));
  }

  /**
   * Resolves a session secret to its subject. Expired, idle, revoked sessions and disabled users
   * are refused.
   */
  public Authenticated authenticateSession(String secret) {
    if (secret == null || secret.length() > 200) {
      throw new CordonException.Unauthenticated("no valid session");
    }
    String hash = SecretTokens.sha256Hex(secret);
    Instant now = clock.instant();
    return store.inTransaction(
        tx -> {
          SessionRecord s =
              tx.sessions()
                  .findBySecretHash(hash)
                  .orElseThrow(() -> new CordonException.Unauthenticated("no valid session"));
          if (s.revoked()
              || !now.isBefore(s.expires())
              || now.isAfter(s.lastSeen().plus(limits.idleTimeout()))) {
            throw new CordonException.Unauthenticated("the session has ended; log in again");
          }
          User user = activeUser(tx, s.user());
          if (Duration.between(s.lastSeen(), now).compareTo(LAST_SEEN_GRANULARITY) > 0) {
            tx.sessions().update(s.withLastSeen(now));
          }
          boolean enrolmentRequired = s.mfaPending() && !MfaFactors.hasAny(tx, user);
          return new Authenticated(
              subjectOf(tx, user, clock.instant()),
              s.id(),
              s.auth(),
              s.mfaPending(),
              Set.of("api"),
              enrolmentRequired,
              s.anchor());
        });
  }

  /** Resolves an API token secret. Expired and revoked tokens are refused. */
  public Authenticated authenticateToken(String secret) {
    if (secret == null || secret.length() > 200) {
      throw new CordonException.Unauthenticated("invalid token");
    }
    String hash = SecretTokens.sha256Hex(secret);
    Instant now = clock.instant();
    return store.read(
        tx -> {
          ApiTokenRecord t =
              tx.tokens()
                  .findBySecretHash(hash)
                  .orElseThrow(() -> new CordonException.Unauthenticated("invalid token"));
          if (!t.isUsableAt(now)) {
            throw new CordonException.Unauthenticated("the token is expired or revoked");
          }
          User user = activeUser(tx, t.user());
          return new Authenticated(
              subjectOf(tx, user, clock.instant()), t.id(), AuthMethod.TOKEN, false, t.scopes());
        });
  }

  /** Completes the second factor of a password session with a TOTP code. */
  public void completeTotp(RequestContext ctx, String code) {
    Subject who = ctx.requireSubject();
    String sessionId = ctx.sessionId().orElseThrow();
    Instant now = clock.instant();
    boolean ok =
        store.inTransaction(
            tx -> {
              SessionRecord s = session(tx, sessionId);
              User user = tx.users().find(who.user()).orElseThrow();
              if (!user.totpEnabled() || user.totpSealed().isEmpty()) {
                throw new CordonException.Conflict("no TOTP factor is enrolled");
              }
              // Wrong codes count towards the same lockout as wrong passwords, so that the code
              // space cannot be searched from a half-open session (NIST SP 800-63B §5.2.2).
              String refusal = user.isLockedAt(now) ? "account locked" : null;
              OptionalLong step =
                  refusal == null ? verifyCode(user, code, now) : OptionalLong.empty();
              // Spend the code with a compare-and-set, so two nodes racing with one code (read
              // committed on PostgreSQL) cannot both accept it.
              if (step.isPresent() && !tx.users().advanceTotpStep(user.id(), step.getAsLong())) {
                step = OptionalLong.empty();
              }
              if (step.isEmpty()) {
                if (refusal == null) {
                  LoginThrottle.Lockout lock = throttle.afterFailure(user.failedLogins());
                  tx.users().setLoginFailures(user.id(), lock.failures(), lock.lockedUntil());
                  refusal =
                      "wrong or reused TOTP code"
                          + lock.lockedUntil().map(t -> "; account locked until " + t).orElse("");
                }
                tx.audit()
                    .append(
                        AuditEvents.of(
                            ctx,
                            now,
                            "auth.mfa",
                            Optional.of(userObject(user)),
                            AuditEvent.Outcome.DENIED,
                            Optional.of(refusal),
                            Map.of()));
                return false;
              }
              // The step itself was spent by advanceTotpStep above.
              secondFactorProven(
                  tx, ctx, s, user, AuthMethod.PASSWORD_TOTP, MfaFactors.TOTP, Map.of());
              return true;
            });
    if (!ok) {
      throw new CordonException.Unauthenticated("wrong or reused code");
    }
  }

  /**
   * The one place where a session is credited with a proven second factor: completing a login or
   * stepping up an existing session, by TOTP code, passkey assertion or recovery code. It raises
   * the session's strength to {@code method} (the factor just proven, even if an earlier one was
   * stronger, so the strength always describes the latest proof), clears the pending flag and the
   * failed-attempt count, and records {@code auth.mfa} in the caller's transaction. Whatever else
   * must happen on every second factor (its time, the network it came from) belongs here.
   *
   * @param factor {@code totp}, {@code webauthn} or {@code recovery}, for the audit event
   */
  void secondFactorProven(
      Transaction tx,
      RequestContext ctx,
      SessionRecord session,
      User user,
      AuthMethod method,
      String factor,
      Map<String, Object> details) {
    if (!method.isMultiFactor() || !session.user().equals(user.id())) {
      throw new IllegalArgumentException("not a second factor of this session's user");
    }
    tx.users().setLoginFailures(user.id(), 0, Optional.empty());
    // Re-anchors the session where the factor was proven (continuous verification) and records
    // when, for the policy's MFA age.
    tx.sessions()
        .update(session.provedSecondFactor(method, clock.instant(), ctx.zone(), ctx.country()));
    Map<String, Object> all = new java.util.LinkedHashMap<>(details);
    all.put("factor", factor);
    all.put("stepUp", !session.mfaPending());
    tx.audit()
        .append(
            AuditEvents.of(
                ctx.authenticated(ctx.requireSubject(), session.id(), method),
                clock.instant(),
                "auth.mfa",
                Optional.of(userObject(user)),
                AuditEvent.Outcome.SUCCESS,
                Optional.empty(),
                all));
  }

  /**
   * The second factors the request's user may prove now (for a step-up answer or a pending login):
   * {@code totp}, {@code webauthn}, {@code recovery}; empty if none is enrolled.
   */
  public java.util.List<String> availableFactors(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return store.read(
        tx ->
            tx.users().find(who.user()).map(u -> MfaFactors.of(tx, u)).orElse(java.util.List.of()));
  }

  /**
   * Whether the user must have a second factor: by configuration ({@code mfa.required-roles}) or by
   * their organisation's own requirement ({@link MfaEnforcementService}).
   */
  public boolean isMfaRequired(Transaction tx, User user) {
    return mfaRequirement.and(OrgMfaSettings.read(tx, user.org())).appliesTo(user);
  }

  /** Starts TOTP enrolment: a new secret, sealed at rest, not yet required at login. */
  public TotpEnrolment enrollTotp(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    TotpSecret secret = TotpSecret.generate(random, TotpSecret.DEFAULT_BYTES);
    String sealed = seal(secret.bytes(), who.user());
    store.inTransaction(
        tx -> {
          User user = tx.users().find(who.user()).orElseThrow();
          if (user.totpEnabled()) {
            throw new CordonException.Conflict("a TOTP factor is already enrolled");
          }
          tx.users().update(user.withTotp(Optional.of(sealed), false));
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      clock.instant(),
                      "auth.mfa_enroll",
                      Optional.of(userObject(user)),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of("factor", "totp", "stage", "started")));
          return null;
        });
    return new TotpEnrolment(secret.toBase32(), totp.otpauthUri(issuer, who.username(), secret));
  }

  /** Confirms enrolment with a first code; from then on logins need the factor. */
  public void confirmTotp(RequestContext ctx, String code) {
    Subject who = ctx.requireSubject();
    Instant now = clock.instant();
    boolean ok =
        store.inTransaction(
            tx -> {
              User user = tx.users().find(who.user()).orElseThrow();
              if (user.totpSealed().isEmpty() || user.totpEnabled()) {
                throw new CordonException.Conflict("no TOTP enrolment is pending");
              }
              OptionalLong step = verifyCode(user, code, now);
              Optional<String> reason =
                  step.isEmpty() ? Optional.of("wrong code") : Optional.empty();
              if (step.isPresent()) {
                tx.users()
                    .update(user.withTotp(user.totpSealed(), true).withTotpStep(step.getAsLong()));
              }
              // A session that had to enrol before anything else has now proven the new factor.
              Optional<SessionRecord> pending =
                  ctx.sessionId().flatMap(id -> tx.sessions().find(id)).filter(s -> s.mfaPending());
              if (step.isPresent() && pending.isPresent()) {
                secondFactorProven(
                    tx,
                    ctx,
                    pending.get(),
                    user,
                    AuthMethod.PASSWORD_TOTP,
                    MfaFactors.TOTP,
                    Map.of("enrolment", true));
              }
              tx.audit()
                  .append(
                      AuditEvents.of(
                          ctx,
                          now,
                          "auth.mfa_enroll",
                          Optional.of(userObject(user)),
                          step.isPresent() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.DENIED,
                          reason,
                          Map.of("factor", "totp", "stage", "confirmed")));
              return step.isPresent();
            });
    if (!ok) {
      throw new CordonException.InvalidInput("the code does not match; enrolment not confirmed");
    }
  }

  /** Ends the request's session. */
  public void logout(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    String sessionId = ctx.sessionId().orElseThrow();
    store.inTransaction(
        tx -> {
          tx.sessions().update(session(tx, sessionId).asRevoked());
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      clock.instant(),
                      "auth.logout",
                      Optional.of(AuditObject.of("user", who.user().value(), who.username())),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of()));
          return null;
        });
  }

  /** Creates an API token for a user; the secret is returned once. */
  public IssuedToken createToken(
      RequestContext ctx, String username, Set<String> scopes, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(366)) > 0) {
      throw new CordonException.InvalidInput("token lifetime must be between 1s and 366 days");
    }
    Set<String> wanted = scopes.isEmpty() ? Set.of("api") : scopes;
    for (String scope : wanted) {
      if (!Set.of("api", "metrics", "audit", "witness").contains(scope)) {
        throw new CordonException.InvalidInput(
            "unknown scope '" + scope + "' (known: api, metrics, audit, witness)");
      }
    }
    Subject actor = ctx.requireSubject();
    return store.inTransaction(
        tx -> {
          User user =
              tx.users()
                  .findByUsername(username)
                  .orElseThrow(() -> new CordonException.NotFound("no user '" + username + "'"));
          if (!actor.user().equals(user.id()) && !actor.isAdministrator()) {
            throw new CordonException.Denied("only administrators create tokens for other users");
          }
          IssuedSecret issued = secrets.issue(SecretTokens.Kind.API_TOKEN);
          String secret = issued.secret();
          Instant now = clock.instant();
          ApiTokenRecord record =
              new ApiTokenRecord(
                  io.cordon.context.OpaqueId.next("t"),
                  issued.secretHash(),
                  user.id(),
                  wanted,
                  now,
                  now.plus(ttl),
                  false);
          tx.tokens().insert(record);
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      now,
                      "token.create",
                      Optional.of(AuditObject.of("token", record.id(), null)),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of(
                          "for",
                          user.username(),
                          "scopes",
                          wanted.stream().sorted().toList(),
                          "expires",
                          record.expires().toString())));
          return new IssuedToken(secret, record);
        });
  }

  /** The request's session; an API token has none (it expires or is revoked instead). */
  static SessionRecord session(Transaction tx, String sessionId) {
    return tx.sessions()
        .find(sessionId)
        .orElseThrow(
            () ->
                new CordonException.Conflict(
                    "this request is authenticated by an API token, not a login session"));
  }

  private OptionalLong verifyCode(User user, String code, Instant now) {
    return sealedTotp.verify(user, code, now);
  }

  private void recordFailure(
      RequestContext ctx, String username, String reason, Optional<User> user) {
    store.inTransaction(tx -> tx.audit().append(failureEvent(ctx, username, reason, user)));
  }

  private AuditEvent failureEvent(
      RequestContext ctx, String username, String reason, Optional<User> user) {
    return new AuditEvent(
        0,
        clock.instant(),
        AuditEvents.claimed(username),
        "auth.login_failed",
        user.map(IdentityService::userObject),
        AuditEvent.Outcome.DENIED,
        Optional.of(reason),
        AuditEvents.context(ctx),
        Map.of());
  }

  private static User activeUser(Transaction tx, UserId id) {
    User user =
        tx.users().find(id).orElseThrow(() -> new CordonException.Unauthenticated("no such user"));
    if (user.status() != UserStatus.ACTIVE) {
      throw new CordonException.Unauthenticated("the account is disabled");
    }
    return user;
  }

  static Subject subjectOf(Transaction tx, User user, java.time.Instant now) {
    Organisation org = tx.organisations().find(user.org()).orElseThrow();
    java.util.Set<String> agreements =
        tx.organisations().baa(org.id()).isInForce(now)
            ? java.util.Set.of(Baa.AGREEMENT)
            : java.util.Set.of();
    return new Subject(user.id(), user.username(), org.id(), org.kind(), user.roles(), agreements);
  }

  static AuditObject userObject(User user) {
    return AuditObject.of("user", user.id().value(), user.username());
  }

  private String seal(byte[] secret, UserId owner) {
    return sealedTotp.seal(secret, owner);
  }

  /**
   * Refuses a session that moved: a request from another network zone or country than the one the
   * session was established (or last stepped up) in must prove a second factor again. The refusal
   * is audited ({@code auth.step_up}, denied) and raised as {@link CordonException.StepUpRequired}.
   */
  public void requireSamePlace(RequestContext ctx, Authenticated who) {
    SessionAnchor anchor = who.anchor();
    if (!anchor.movedTo(ctx.zone(), ctx.country())) {
      return;
    }
    String reason =
        "the session moved from "
            + place(anchor.zone(), anchor.country())
            + " to "
            + place(ctx.zone(), ctx.country())
            + "; prove a second factor again (POST /api/v1/auth/mfa/totp) or log in again";
    store.inTransaction(
        tx ->
            tx.audit()
                .append(
                    AuditEvents.of(
                        ctx,
                        clock.instant(),
                        "auth.step_up",
                        Optional.of(
                            AuditObject.of(
                                "user", who.subject().user().value(), who.subject().username())),
                        AuditEvent.Outcome.DENIED,
                        Optional.of(reason),
                        Map.of())));
    throw new CordonException.StepUpRequired(reason);
  }

  private static String place(Optional<String> zone, Optional<String> country) {
    return "zone " + zone.orElse("?") + ", country " + country.orElse("?");
  }

  /**
   * The live check of a request's credential for a delivery in flight: the session (not ended, not
   * past its absolute timeout) or the token (not revoked, not expired), and its user still active.
   * Idleness is judged when a request starts: a long download is not idle.
   */
  @Override
  public io.cordon.context.StillAllowed watch(RequestContext ctx) {
    Optional<String> credential = ctx.sessionId();
    if (ctx.subject().isEmpty()
        || (credential.isEmpty() && ctx.auth() != AuthMethod.LOCAL_OPERATOR)) {
      return () -> Optional.of("the request has no credential");
    }
    UserId userId = ctx.subject().get().user();
    // A local operator (the CLI on the server's machine) has no session; their account still
    // counts.
    return () -> store.read(tx -> refusalOf(tx, credential, userId, clock.instant()));
  }

  private Optional<String> refusalOf(
      Transaction tx, Optional<String> credential, UserId userId, Instant now) {
    Optional<String> ended = credential.flatMap(id -> credentialEnded(tx, id, now));
    if (ended.isPresent()) {
      return ended;
    }
    Optional<User> user = tx.users().find(userId);
    if (user.isEmpty() || user.get().status() != UserStatus.ACTIVE) {
      return Optional.of("the account was disabled");
    }
    return Optional.empty();
  }

  private static Optional<String> credentialEnded(Transaction tx, String id, Instant now) {
    Optional<SessionRecord> session = tx.sessions().find(id);
    if (session.isPresent()) {
      // lastSeen is written once a minute at most, so idleness is judged when a request starts.
      return session.get().revoked()
          ? Optional.of("the session was ended")
          : now.isBefore(session.get().expires())
              ? Optional.empty()
              : Optional.of("the session expired");
    }
    Optional<ApiTokenRecord> token = tx.tokens().find(id);
    return token.isPresent() && token.get().isUsableAt(now)
        ? Optional.empty()
        : Optional.of("the token was revoked or expired");
  }

  /** Removes sessions that have expired (housekeeping; a removed session was unusable anyway). */
  public int purgeExpiredSessions() {
    Instant now = clock.instant();
    return store.inTransaction(tx -> tx.sessions().deleteExpired(now));
  }
}
