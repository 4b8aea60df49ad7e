package io.cordon.sharing;

import io.cordon.storage.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due mail from the outbox, off every request's path: each tick reads a batch, hands each
 * mail to the transport, marks it sent, or records the failure and retries later with exponential
 * back-off (1 minute doubling, at most 6 hours), so a dead mail server loses nothing. Without a
 * transport (SMTP not configured) mail stays in the outbox and one warning is logged. Mail bodies
 * are never logged. Ticks must not overlap (one scheduler thread); otherwise thread-safe.
 */
public final class OutboxSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(6);

  private final MetadataStore store;
  private final Optional<MailTransport> transport;
  private final MailSeal seal;
  private final Clock clock;
  private final AtomicBoolean warned = new AtomicBoolean();

  public OutboxSender(
      MetadataStore store, Optional<MailTransport> transport, MailSeal seal, Clock clock) {
    this.store = store;
    this.transport = transport;
    this.seal = seal;
    this.clock = clock;
  }

  /** Sends what is due now; returns how many were sent. */
  public int tick() {
    Instant now = clock.instant();
    List<OutboxMail> due = store.read(tx -> tx.outbox().due(now, BATCH));
    if (due.isEmpty()) {
      return 0;
    }
    if (transport.isEmpty()) {
      if (!warned.getAndSet(true)) {
        LOG.warn("mail is waiting in the outbox, but smtp.host is not configured: nothing is sent");
      }
      return 0;
    }
    int sent = 0;
    for (OutboxMail mail : due) {
      try {
        transport.get().send(mail.recipient(), mail.subject(), seal.open(mail));
        store.inTransaction(
            tx -> {
              tx.outbox().markSent(mail.id(), clock.instant());
              return null;
            });
        sent++;
      } catch (Exception e) {
        Instant next = clock.instant().plus(backoff(mail.attempts()));
        LOG.warn(
            "mail {} ({}) not sent, retrying at {}: {}",
            mail.id(),
            mail.kind(),
            next,
            e.toString());
        store.inTransaction(
            tx -> {
              tx.outbox().markFailed(mail.id(), e.toString(), next);
              return null;
            });
      }
    }
    return sent;
  }

  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 16));
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }
}
