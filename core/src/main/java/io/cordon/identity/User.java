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
 * @param displayName the person's full name as recorded, printed in e-signature manifests (21 CFR
 *     11.50(a)(1)); empty when none was given
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
    Instant created,
    Optional<String> displayName) {
  /** A user without a recorded display name. */
  public User(
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
    this(
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
        status,
        created,
        Optional.empty());
  }

  public User {
    if (id == null || username == null || org == null || status == null || created == null) {
      throw new IllegalArgumentException("user needs id, username, org, status and creation time");
    }
    email = email == null ? "" : email;
    roles = Set.copyOf(roles);
    passwordHash = passwordHash == null ? Optional.empty() : passwordHash;
    totpSealed = totpSealed == null ? Optional.empty() : totpSealed;
    lockedUntil = lockedUntil == null ? Optional.empty() : lockedUntil;
    displayName = displayName == null ? Optional.empty() : displayName.map(User::checkDisplayName);
  }

  /** The longest display name kept. */
  public static final int MAX_DISPLAY_NAME = 200;

  /** The name printed in a signature manifest: the display name as recorded, else the username. */
  public String printedName() {
    return displayName.orElse(username);
  }

  public User withDisplayName(Optional<String> name) {
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
        status,
        created,
        name);
  }

  /**
   * A display name is 1-200 printable characters without surrounding blanks: it is printed on
   * signed records and must read the same everywhere.
   */
  public static String checkDisplayName(String name) {
    if (name == null
        || name.isBlank()
        || name.length() > MAX_DISPLAY_NAME
        || !name.equals(name.strip())
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new io.cordon.context.CordonException.InvalidInput(
          "display name must be 1-200 printable characters without leading or trailing blanks");
    }
    return name;
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
        created,
        displayName);
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
        created,
        displayName);
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
        created,
        displayName);
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
        created,
        displayName);
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
        created,
        displayName);
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil.map(now::isBefore).orElse(false);
  }
}
