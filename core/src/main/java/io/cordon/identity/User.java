package io.cordon.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A user account as stored. The password is an Argon2id hash in PHC string form; the TOTP secret is
 * sealed under the system secrets key (never stored in clear).
 *
 * @param roles organisation-wide roles: {@code admin}, {@code auditor}, {@code security}, {@code
 *     member}
 * @param totpSealed base64 of the sealed TOTP secret, present once enrolment started
 * @param totpEnabled whether the TOTP factor was confirmed and is required at login
 * @param totpLastStep the RFC 6238 time step of the last accepted code (codes of that step or
 *     earlier are refused: no reuse within the validity window), 0 if none
 * @param failedLogins consecutive failed password attempts since the last success
 * @param lockedUntil while in the future, password logins are refused
 */
public record User(
    UserId id,
    String username,
    String email,
    OrgId org,
    Set<String> roles,
    Optional<String> passwordHash,
    Optional<String> totpSealed,
    boolean totpEnabled,
    long totpLastStep,
    int failedLogins,
    Optional<Instant> lockedUntil,
    UserStatus status,
    Instant created) {
  public User {
    if (id == null || username == null || org == null || status == null || created == null) {
      throw new IllegalArgumentException("user needs id, username, org, status and creation time");
    }
    email = email == null ? "" : email;
    roles = Set.copyOf(roles);
    passwordHash = passwordHash == null ? Optional.empty() : passwordHash;
    totpSealed = totpSealed == null ? Optional.empty() : totpSealed;
    lockedUntil = lockedUntil == null ? Optional.empty() : lockedUntil;
  }

  public User withPasswordHash(String hash) {
    return new User(
        id,
        username,
        email,
        org,
        roles,
        Optional.of(hash),
        totpSealed,
        totpEnabled,
        totpLastStep,
        failedLogins,
        lockedUntil,
        status,
        created);
  }

  public User withTotp(Optional<String> sealed, boolean enabled) {
    return new User(
        id,
        username,
        email,
        org,
        roles,
        passwordHash,
        sealed,
        enabled,
        0,
        failedLogins,
        lockedUntil,
        status,
        created);
  }

  public User withTotpStep(long step) {
    return new User(
        id,
        username,
        email,
        org,
        roles,
        passwordHash,
        totpSealed,
        totpEnabled,
        step,
        failedLogins,
        lockedUntil,
        status,
        created);
  }

  public User withLoginFailures(int failures, Optional<Instant> lockUntil) {
    return new User(
        id,
        username,
        email,
        org,
        roles,
        passwordHash,
        totpSealed,
        totpEnabled,
        totpLastStep,
        failures,
        lockUntil,
        status,
        created);
  }

  public User withStatus(UserStatus newStatus) {
    return new User(
        id,
        username,
        email,
        org,
        roles,
        passwordHash,
        totpSealed,
        totpEnabled,
        totpLastStep,
        failedLogins,
        lockedUntil,
        newStatus,
        created);
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil.map(now::isBefore).orElse(false);
  }
}
