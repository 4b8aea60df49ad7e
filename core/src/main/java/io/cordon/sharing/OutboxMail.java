package io.cordon.sharing;

import java.time.Instant;
import java.util.Optional;

/**
 * One e-mail waiting in (or sent from) the outbox.
 *
 * @param kind what the mail is about ({@code invitation}, {@code share}, {@code upload-request},
 *     {@code step-up-enrolment}, {@code first-access}), for operators; never shown to recipients
 * @param attempts delivery attempts so far
 * @param nextAttempt not sent before this instant
 */
public record OutboxMail(
    String id,
    String recipient,
    String subject,
    String body,
    String kind,
    Instant created,
    int attempts,
    Instant nextAttempt,
    Optional<String> lastError,
    Optional<Instant> sent) {
  public OutboxMail {
    if (id == null || recipient == null || subject == null || body == null || kind == null) {
      throw new IllegalArgumentException("mail needs id, recipient, subject, body and kind");
    }
    lastError = lastError == null ? Optional.empty() : lastError;
    sent = sent == null ? Optional.empty() : sent;
  }

  /** A new mail, due now. */
  public static OutboxMail of(
      String recipient, String subject, String body, String kind, Instant now) {
    return new OutboxMail(
        io.cordon.context.OpaqueId.next("m"),
        recipient,
        subject,
        body,
        kind,
        now,
        0,
        now,
        Optional.empty(),
        Optional.empty());
  }
}
