package io.cordon.identity;

import io.cordon.audit.AuditEvent;
import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.context.OpaqueId;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.AuditEvents;
import io.cordon.identity.internal.YubicoRelyingParty;
import io.cordon.identity.internal.YubicoRelyingParty.Ceremony;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WebAuthn passkeys (W3C WebAuthn Level 2): a signed-in user registers them, and proves one as the
 * second factor of a password login or to step up an existing session ({@link AuthMethod#WEBAUTHN},
 * phishing-resistant). Each ceremony's challenge is bound to the session that asked for it, expires
 * ({@link WebAuthnSettings#challengeTtl()}) and is taken from the store when answered, so an
 * assertion cannot be replayed; a signature counter that does not grow is refused as a cloned
 * authenticator. Every outcome, refusals included, is audited in the transaction of its change
 * ({@code auth.mfa}, {@code auth.mfa_enroll}, {@code auth.mfa_remove}). Thread-safe.
 */
public final class PasskeyService {
  /** Largest client answer accepted (a credential with attestation is a few KiB). */
  public static final int MAX_RESPONSE_CHARS = 64 * 1024;

  /**
   * Most ceremonies one session may have open at once: enough for a few browser tabs, too few to
   * fill the table from one session.
   */
  public static final int MAX_OPEN_CHALLENGES = 5;

  private final MetadataStore store;
  private final IdentityService identity;
  private final WebAuthnSettings settings;
  private final Clock clock;

  public PasskeyService(
      MetadataStore store, IdentityService identity, WebAuthnSettings settings, Clock clock) {
    this.store = store;
    this.identity = identity;
    this.settings = settings;
    this.clock = clock;
  }

  /** Options to hand to {@code navigator.credentials.create()}, under a new challenge id. */
  public ChallengeOptions startRegistration(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return store.inTransaction(
        tx -> {
          SessionRecord s = IdentityService.session(tx, ctx.sessionId().orElseThrow());
          User user = tx.users().find(who.user()).orElseThrow();
          Ceremony c = relyingParty(tx).startRegistration(user);
          return newChallenge(tx, s, WebAuthnChallenge.REGISTER, c);
        });
  }

  /**
   * Registers the credential the client created for challenge {@code challengeId}. A session that
   * had to enrol a factor before anything else is complete afterwards.
   */
  public Passkey finishRegistration(
      RequestContext ctx, String challengeId, String label, String responseJson) {
    Subject who = ctx.requireSubject();
    String name = Passkey.checkLabel(label);
    checkResponse(responseJson);
    Instant now = clock.instant();
    return outcome(
        true,
        store.inTransaction(
            tx -> {
              SessionRecord s = IdentityService.session(tx, ctx.sessionId().orElseThrow());
              User user = tx.users().find(who.user()).orElseThrow();
              Optional<WebAuthnChallenge> c = take(tx, challengeId, s, WebAuthnChallenge.REGISTER);
              if (c.isEmpty()) {
                return refused(
                    tx, ctx, user, "auth.mfa_enroll", "unknown, used or expired challenge");
              }
              YubicoRelyingParty.NewCredential created;
              try {
                created = relyingParty(tx).finishRegistration(c.get().request(), responseJson);
              } catch (YubicoRelyingParty.Refused e) {
                return refused(tx, ctx, user, "auth.mfa_enroll", e.getMessage());
              }
              if (tx.passkeys().findByCredentialId(created.credentialId()).isPresent()) {
                return refused(tx, ctx, user, "auth.mfa_enroll", "credential already registered");
              }
              Passkey p =
                  new Passkey(
                      OpaqueId.next("pk"),
                      user.id(),
                      created.credentialId(),
                      created.publicKeyCose(),
                      created.signCount(),
                      name,
                      now,
                      Optional.empty());
              tx.passkeys().insert(p);
              tx.audit()
                  .append(
                      AuditEvents.of(
                          ctx,
                          now,
                          "auth.mfa_enroll",
                          Optional.of(AuditEvent.AuditObject.of("passkey", p.id(), name)),
                          AuditEvent.Outcome.SUCCESS,
                          Optional.empty(),
                          Map.of("factor", MfaFactors.WEBAUTHN, "stage", "confirmed")));
              if (s.mfaPending()) {
                identity.secondFactorProven(
                    tx,
                    ctx,
                    s,
                    user,
                    AuthMethod.WEBAUTHN,
                    MfaFactors.WEBAUTHN,
                    Map.of("enrolment", true, "passkey", p.id()));
              }
              return new Result<>(p, null);
            }));
  }

  /** Options for {@code navigator.credentials.get()}, for a second factor or a step-up. */
  public ChallengeOptions startAssertion(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return store.inTransaction(
        tx -> {
          SessionRecord s = IdentityService.session(tx, ctx.sessionId().orElseThrow());
          User user = tx.users().find(who.user()).orElseThrow();
          if (tx.passkeys().countFor(user.id()) == 0) {
            throw new CordonException.Conflict("no passkey is registered");
          }
          Ceremony c = relyingParty(tx).startAssertion(user);
          return newChallenge(tx, s, WebAuthnChallenge.AUTHENTICATE, c);
        });
  }

  /**
   * Verifies an assertion answering challenge {@code challengeId} and credits the session with a
   * {@code webauthn} second factor.
   *
   * @throws CordonException.Unauthenticated if it is refused (the reason is audited)
   */
  public void finishAssertion(RequestContext ctx, String challengeId, String responseJson) {
    Subject who = ctx.requireSubject();
    checkResponse(responseJson);
    Instant now = clock.instant();
    outcome(
        false,
        store.inTransaction(
            tx -> {
              SessionRecord s = IdentityService.session(tx, ctx.sessionId().orElseThrow());
              User user = tx.users().find(who.user()).orElseThrow();
              if (user.isLockedAt(now)) {
                return refused(tx, ctx, user, "auth.mfa", "account locked");
              }
              Optional<WebAuthnChallenge> c =
                  take(tx, challengeId, s, WebAuthnChallenge.AUTHENTICATE);
              if (c.isEmpty()) {
                return refused(tx, ctx, user, "auth.mfa", "unknown, used or expired challenge");
              }
              YubicoRelyingParty.Assertion a;
              try {
                a = relyingParty(tx).finishAssertion(c.get().request(), responseJson);
              } catch (YubicoRelyingParty.Refused e) {
                return refused(tx, ctx, user, "auth.mfa", e.getMessage());
              }
              Passkey p = tx.passkeys().findByCredentialId(a.credentialId()).orElseThrow();
              if (!p.user().equals(user.id())) {
                return refused(tx, ctx, user, "auth.mfa", "passkey of another user");
              }
              // Compare-and-set: two requests racing with assertions of one counter value cannot
              // both pass, whatever the isolation level.
              if (!tx.passkeys().recordUse(p.id(), a.signCount(), now)) {
                return refused(tx, ctx, user, "auth.mfa", "signature counter did not grow");
              }
              identity.secondFactorProven(
                  tx,
                  ctx,
                  s,
                  user,
                  AuthMethod.WEBAUTHN,
                  MfaFactors.WEBAUTHN,
                  Map.of("passkey", p.id(), "userVerified", a.userVerified()));
              return new Result<>(p, null);
            }));
  }

  /** The request user's passkeys. */
  public List<Passkey> list(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return store.read(tx -> tx.passkeys().listFor(who.user()));
  }

  /**
   * Removes one of the request user's passkeys. Refused when it is the last factor of a user who
   * must have one (by configuration or by their organisation).
   */
  public void delete(RequestContext ctx, String passkeyId) {
    Subject who = ctx.requireSubject();
    String id = checkedId(passkeyId);
    store.inTransaction(
        tx -> {
          User user = tx.users().find(who.user()).orElseThrow();
          List<Passkey> mine = tx.passkeys().listFor(user.id());
          Passkey p =
              mine.stream()
                  .filter(k -> k.id().equals(id))
                  .findFirst()
                  .orElseThrow(() -> new CordonException.NotFound("no such passkey"));
          if (mine.size() == 1 && !user.totpEnabled() && identity.isMfaRequired(tx, user)) {
            throw new CordonException.Conflict(
                "this is your only second factor and your role or organisation requires one; enrol another first");
          }
          tx.passkeys().delete(user.id(), id);
          tx.audit()
              .append(
                  AuditEvents.of(
                      ctx,
                      clock.instant(),
                      "auth.mfa_remove",
                      Optional.of(AuditEvent.AuditObject.of("passkey", p.id(), p.label())),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      Map.of("factor", MfaFactors.WEBAUTHN)));
          return null;
        });
  }

  /** A malformed id names nothing that could exist: not found, like an unknown one. */
  private static String checkedId(String raw) {
    try {
      return OpaqueId.check(raw, "passkey");
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such passkey");
    }
  }

  /** Removes expired challenges (housekeeping). */
  public int purgeExpiredChallenges() {
    Instant now = clock.instant();
    return store.inTransaction(tx -> tx.passkeys().deleteExpiredChallenges(now));
  }

  private YubicoRelyingParty relyingParty(Transaction tx) {
    return new YubicoRelyingParty(settings, tx, clock);
  }

  private ChallengeOptions newChallenge(
      Transaction tx, SessionRecord s, String purpose, Ceremony c) {
    if (tx.passkeys().countLiveChallenges(s.id(), clock.instant()) >= MAX_OPEN_CHALLENGES) {
      throw new CordonException.Throttled(
          "too many passkey ceremonies open on this session; finish one or wait",
          settings.challengeTtl().toSeconds());
    }
    WebAuthnChallenge challenge =
        new WebAuthnChallenge(
            OpaqueId.next("wc"),
            s.id(),
            purpose,
            c.stored(),
            clock.instant().plus(settings.challengeTtl()));
    tx.passkeys().insertChallenge(challenge);
    return new ChallengeOptions(challenge.id(), c.client());
  }

  private Optional<WebAuthnChallenge> take(
      Transaction tx, String challengeId, SessionRecord s, String purpose) {
    if (challengeId == null || challengeId.length() > 64) {
      return Optional.empty();
    }
    return tx.passkeys()
        .takeChallenge(challengeId, s.id())
        .filter(c -> c.purpose().equals(purpose))
        .filter(c -> clock.instant().isBefore(c.expires()));
  }

  private static void checkResponse(String responseJson) {
    if (responseJson == null || responseJson.isBlank()) {
      throw new CordonException.InvalidInput("the credential is required");
    }
    if (responseJson.length() > MAX_RESPONSE_CHARS) {
      throw new CordonException.TooLarge("the credential is larger than 64 KiB");
    }
  }

  /** Records a refusal, committed with the spent challenge (so a refused answer is not retried). */
  private <T> Result<T> refused(
      Transaction tx, RequestContext ctx, User user, String action, String reason) {
    tx.audit()
        .append(
            AuditEvents.of(
                ctx,
                clock.instant(),
                action,
                Optional.of(IdentityService.userObject(user)),
                AuditEvent.Outcome.DENIED,
                Optional.of(reason),
                Map.of("factor", MfaFactors.WEBAUTHN)));
    return new Result<>(null, reason);
  }

  /** A refused registration is bad input; a refused assertion leaves the caller unproven. */
  private static <T> T outcome(boolean registration, Result<T> r) {
    if (r.refusal() != null && registration) {
      throw new CordonException.InvalidInput("passkey not registered: " + r.refusal());
    }
    if (r.refusal() != null) {
      throw new CordonException.Unauthenticated("passkey refused: " + r.refusal());
    }
    return r.value();
  }

  private record Result<T>(T value, String refusal) {}

  /**
   * A ceremony's id and the options for the browser ({@code {"publicKey": …}} as JSON text).
   *
   * @param options JSON for {@code navigator.credentials.create()} or {@code .get()}
   */
  public record ChallengeOptions(String challengeId, String options) {}
}
