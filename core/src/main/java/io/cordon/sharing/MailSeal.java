package io.cordon.sharing;

import com.google.crypto.tink.Aead;
import io.cordon.context.CordonException;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Keeps mail bodies sealed while they wait in the outbox: an invitation carries a single-use token,
 * and no secret may lie on disk in clear. Bodies are encrypted under the installation's system
 * secrets key with the mail's id as associated data (a sealed body moved to another row does not
 * open), and opened only by the sender loop. Thread-safe.
 */
public final class MailSeal {
  static final String PREFIX = "sealed:v1:";

  private final Supplier<Aead> key;

  public MailSeal(Supplier<Aead> key) {
    this.key = key;
  }

  /** Seals the mail's body and writes it to the transaction's outbox. */
  public void enqueue(Transaction tx, OutboxMail mail) {
    tx.outbox().enqueue(seal(mail));
  }

  OutboxMail seal(OutboxMail m) {
    try {
      byte[] sealed =
          key.get().encrypt(m.body().getBytes(StandardCharsets.UTF_8), associatedData(m.id()));
      return new OutboxMail(
          m.id(),
          m.recipient(),
          m.subject(),
          PREFIX + Base64.getEncoder().encodeToString(sealed),
          m.kind(),
          m.created(),
          m.attempts(),
          m.nextAttempt(),
          m.lastError(),
          m.sent());
    } catch (GeneralSecurityException e) {
      throw new CordonException.Unavailable("cannot seal the mail", e);
    }
  }

  /** The body in clear: a sealed one opened, another as stored. */
  public String open(OutboxMail m) {
    if (!m.body().startsWith(PREFIX)) {
      return m.body();
    }
    try {
      byte[] plain =
          key.get()
              .decrypt(
                  Base64.getDecoder().decode(m.body().substring(PREFIX.length())),
                  associatedData(m.id()));
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CordonException.IntegrityViolation("stored mail failed its integrity check", e);
    }
  }

  private static byte[] associatedData(String id) {
    return ("mail:" + id).getBytes(StandardCharsets.UTF_8);
  }
}
