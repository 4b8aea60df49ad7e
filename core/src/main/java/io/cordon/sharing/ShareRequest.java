package io.cordon.sharing;

import io.cordon.context.CordonException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a user asks for when sharing a file. Recipients are usernames of existing users or e-mail
 * addresses (which become guest accounts), compared case-insensitively and de-duplicated.
 */
public record ShareRequest(
    List<String> recipients,
    Optional<Instant> expires,
    OptionalInt maxDownloads,
    boolean viewOnly,
    boolean requireMfa,
    boolean notifyOnFirstAccess) {
  /** The most recipients one share may name. */
  public static final int MAX_RECIPIENTS = 50;

  public ShareRequest {
    if (recipients == null || recipients.isEmpty()) {
      throw new CordonException.InvalidInput("'recipients' must name at least one recipient");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String r : recipients) {
      if (r == null || r.isBlank() || r.length() > 254) {
        throw new CordonException.InvalidInput("a recipient must be 1-254 characters");
      }
      unique.add(r.strip().toLowerCase(Locale.ROOT));
    }
    if (unique.size() > MAX_RECIPIENTS) {
      throw new CordonException.InvalidInput(
          "a share names at most " + MAX_RECIPIENTS + " recipients");
    }
    recipients = List.copyOf(unique);
    expires = expires == null ? Optional.empty() : expires;
    maxDownloads = maxDownloads == null ? OptionalInt.empty() : maxDownloads;
    if (maxDownloads.isPresent() && (maxDownloads.getAsInt() < 1)) {
      throw new CordonException.InvalidInput("'maxDownloads' must be at least 1");
    }
  }
}
