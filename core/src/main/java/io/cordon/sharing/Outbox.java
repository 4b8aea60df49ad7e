package io.cordon.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the outbox of e-mail. Lives as long as its transaction. */
public interface Outbox {
  void enqueue(OutboxMail mail);

  Optional<OutboxMail> find(String id);

  /** Unsent mail due at {@code now}, oldest first, at most {@code limit}. */
  List<OutboxMail> due(Instant now, int limit);

  void markSent(String id, Instant at);

  /** Records a failed attempt and when to try again. */
  void markFailed(String id, String error, Instant nextAttempt);

  /** Every mail to one recipient, oldest first (for tests and operators). */
  List<OutboxMail> to(String recipient);
}
