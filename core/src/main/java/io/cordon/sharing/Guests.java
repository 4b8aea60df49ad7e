package io.cordon.sharing;

import io.cordon.context.CordonException;
import io.cordon.identity.DirectoryService;
import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.Organisation;
import io.cordon.identity.SecretTokens;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.identity.UserStatus;
import io.cordon.storage.Transaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves share recipients: an existing user by username, or an e-mail address that becomes a
 * guest account (status {@code invited}, no password) in a partner organisation named after its
 * domain, with a single-use invitation whose token only the e-mail carries. Recipients outside the
 * allowed domains are refused with the reason. Works inside the caller's transaction; thread-safe.
 */
final class Guests {
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[\\p{L}\\p{N}._%+-]{1,64}@([\\p{L}\\p{N}-]{1,63}(\\.[\\p{L}\\p{N}-]{1,63})+)");
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String TOKEN_PREFIX = "cdn_i_";

  private final SharingSettings settings;

  Guests(SharingSettings settings) {
    this.settings = settings;
  }

  /** The recipient named by {@code raw} (already lower-cased), inviting a new guest if needed. */
  User recipient(Transaction tx, String raw, Instant now, MailSink mail) {
    Optional<User> existing = tx.users().findByUsername(raw);
    if (existing.isPresent()) {
      User u = existing.get();
      if (u.status() == UserStatus.DISABLED) {
        throw new CordonException.InvalidInput("recipient '" + raw + "' is disabled");
      }
      Organisation org = tx.organisations().find(u.org()).orElseThrow();
      if (org.kind() == OrgKind.PARTNER) {
        checkDomain(raw, u.email().isEmpty() ? raw : u.email());
      }
      return u;
    }
    var m = ADDRESS.matcher(raw);
    if (!m.matches()) {
      throw new CordonException.InvalidInput(
          "recipient '" + raw + "' is neither a known user nor an e-mail address");
    }
    String domain = m.group(1).toLowerCase(Locale.ROOT);
    checkDomain(raw, raw);
    Organisation org =
        tx.organisations()
            .findByName(domain)
            .orElseGet(
                () -> {
                  Organisation created =
                      new Organisation(OrgId.random(), domain, OrgKind.PARTNER, now);
                  tx.organisations().insert(created);
                  return created;
                });
    User guest =
        new User(
            UserId.random(),
            DirectoryService.checkUsername(raw),
            raw,
            org.id(),
            Set.of("member"),
            Optional.empty(),
            Optional.empty(),
            false,
            0,
            0,
            Optional.empty(),
            UserStatus.INVITED,
            now);
    tx.users().insert(guest);
    invite(tx, guest, now, mail);
    return guest;
  }

  /** Issues a single-use invitation for an account without a password and mails its link. */
  void invite(Transaction tx, User user, Instant now, MailSink mail) {
    byte[] bytes = new byte[SecretTokens.SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expires = now.plus(settings.invitationTtl());
    tx.invitations()
        .insert(
            new Invitation(
                SecretTokens.sha256Hex(token), user.id(), now, expires, Optional.empty()));
    if (!user.email().isEmpty()) {
      mail.add(
          Mails.invitation(
              user.email(), settings.linkBase() + "/invitation?token=" + token, expires, now));
    }
  }

  private void checkDomain(String recipient, String address) {
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!settings.allows(domain)) {
      throw new CordonException.InvalidInput(
          "recipient '"
              + recipient
              + "' is outside the domains this installation may share with ("
              + String.join(", ", settings.allowedDomains().stream().sorted().toList())
              + ")");
    }
  }

  /** Where resolved recipients' mail goes: the outbox of the same transaction. */
  @FunctionalInterface
  interface MailSink {
    void add(OutboxMail mail);
  }
}
