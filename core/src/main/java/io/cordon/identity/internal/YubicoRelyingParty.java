package io.cordon.identity.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.InvalidSignatureCountException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import io.cordon.identity.User;
import io.cordon.identity.WebAuthnSettings;
import io.cordon.storage.Transaction;
import java.io.IOException;
import java.time.Clock;

/**
 * The WebAuthn ceremonies (W3C WebAuthn Level 2 §7.1 registration, §7.2 authentication) as Yubico's
 * relying party performs them, over credentials read in the caller's transaction. It checks origin,
 * rpId hash, challenge, flags, signature and counter; it does not store anything (the caller does,
 * in the same transaction). Attestation is not required ({@code none} is accepted): Cordon trusts a
 * passkey for what its user proved when registering it, not for its make. One instance per
 * transaction; not thread-safe.
 */
public final class YubicoRelyingParty {
  private final RelyingParty rp;
  private final long timeoutMillis;

  public YubicoRelyingParty(WebAuthnSettings settings, Transaction tx, Clock clock) {
    this.rp =
        RelyingParty.builder()
            .identity(
                RelyingPartyIdentity.builder().id(settings.rpId()).name(settings.rpName()).build())
            .credentialRepository(new TransactionCredentials(tx))
            .origins(settings.origins())
            .allowOriginPort(settings.anyPort())
            .allowOriginSubdomain(false)
            .attestationConveyancePreference(AttestationConveyancePreference.NONE)
            .allowUntrustedAttestation(true)
            .validateSignatureCounter(true)
            .clock(clock)
            .build();
    this.timeoutMillis = settings.challengeTtl().toMillis();
  }

  /** Options for {@code navigator.credentials.create()}: stored form and the client's form. */
  public Ceremony startRegistration(User user) {
    PublicKeyCredentialCreationOptions options =
        rp.startRegistration(
            StartRegistrationOptions.builder()
                .user(
                    UserIdentity.builder()
                        .name(user.username())
                        .displayName(user.printedName())
                        .id(TransactionCredentials.handleOf(user.id()))
                        .build())
                .authenticatorSelection(
                    AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.PREFERRED)
                        .userVerification(UserVerificationRequirement.PREFERRED)
                        .build())
                .timeout(timeoutMillis)
                .build());
    try {
      return new Ceremony(options.toJson(), options.toCredentialsCreateJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise WebAuthn options", e);
    }
  }

  /**
   * Verifies the client's answer to a registration request.
   *
   * @throws Refused with the reason, if the answer is malformed or does not verify
   */
  public NewCredential finishRegistration(String requestJson, String responseJson) {
    try {
      RegistrationResult result =
          rp.finishRegistration(
              FinishRegistrationOptions.builder()
                  .request(PublicKeyCredentialCreationOptions.fromJson(requestJson))
                  .response(PublicKeyCredential.parseRegistrationResponseJson(responseJson))
                  .build());
      return new NewCredential(
          result.getKeyId().getId().getBase64Url(),
          result.getPublicKeyCose().getBase64Url(),
          result.getSignatureCount());
    } catch (RegistrationFailedException e) {
      throw new Refused("registration did not verify: " + safe(e), false);
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("malformed registration response", false);
    }
  }

  /** Options for {@code navigator.credentials.get()}, allowing only this user's credentials. */
  public Ceremony startAssertion(User user) {
    AssertionRequest request =
        rp.startAssertion(
            StartAssertionOptions.builder()
                .userHandle(TransactionCredentials.handleOf(user.id()))
                .userVerification(UserVerificationRequirement.PREFERRED)
                .timeout(timeoutMillis)
                .build());
    try {
      return new Ceremony(request.toJson(), request.toCredentialsGetJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise WebAuthn options", e);
    }
  }

  /**
   * Verifies an assertion.
   *
   * @throws Refused with the reason; {@link Refused#counterRegression()} when the signature counter
   *     did not grow (a cloned authenticator, or a replay)
   */
  public Assertion finishAssertion(String requestJson, String responseJson) {
    try {
      AssertionResult result =
          rp.finishAssertion(
              FinishAssertionOptions.builder()
                  .request(AssertionRequest.fromJson(requestJson))
                  .response(PublicKeyCredential.parseAssertionResponseJson(responseJson))
                  .build());
      if (!result.isSuccess()) {
        throw new Refused("assertion did not verify", false);
      }
      return new Assertion(
          result.getCredential().getCredentialId().getBase64Url(),
          result.getSignatureCount(),
          result.isUserVerified());
    } catch (InvalidSignatureCountException e) {
      throw new Refused(
          "signature counter did not grow (expected at least "
              + e.getExpectedMinimum()
              + ", got "
              + e.getReceived()
              + "): cloned authenticator or replay",
          true);
    } catch (AssertionFailedException e) {
      throw new Refused("assertion did not verify: " + safe(e), false);
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("malformed assertion response", false);
    }
  }

  /** The library's message, bounded, for the audit reason (it names checks, never secrets). */
  private static String safe(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  /** A ceremony's options: as stored (to verify the answer) and as sent to the client. */
  public record Ceremony(String stored, String client) {
    @Override
    public String toString() {
      return "Ceremony[…]";
    }
  }

  /** A verified registration: the new credential's id, COSE public key and first counter. */
  public record NewCredential(String credentialId, String publicKeyCose, long signCount) {}

  /** A verified assertion. */
  public record Assertion(String credentialId, long signCount, boolean userVerified) {}

  /** The client's answer was refused; the message says why (for the audit trail). */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean counterRegression;

    Refused(String reason, boolean counterRegression) {
      super(reason, null, false, false);
      this.counterRegression = counterRegression;
    }

    public boolean counterRegression() {
      return counterRegression;
    }
  }
}
