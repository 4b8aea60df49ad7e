package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A legal hold on a whole workspace or on one file in it: while active, nothing it covers may be
 * deleted, purged or crypto-shredded, whatever the retention rule says. Released holds are kept as
 * history. Immutable.
 *
 * @param file the held file, or empty for a hold on the whole workspace
 * @param matter the litigation or investigation the hold serves (e.g. a case number)
 */
public record LegalHold(
    LegalHoldId id,
    WorkspaceId workspace,
    Optional<FileId> file,
    String matter,
    String reason,
    UserId placedBy,
    Instant placed,
    Optional<UserId> releasedBy,
    Optional<Instant> released) {
  /** The longest matter and reason kept, in characters. */
  public static final int MAX_TEXT = 1000;

  public LegalHold {
    if (id == null
        || workspace == null
        || file == null
        || matter == null
        || reason == null
        || placedBy == null
        || placed == null
        || releasedBy == null
        || released == null) {
      throw new IllegalArgumentException("incomplete legal hold");
    }
  }

  public boolean isActive() {
    return released.isEmpty();
  }

  /** How a refusal names this hold to the caller. */
  public String describe() {
    return "legal hold "
        + id.value()
        + " (matter '"
        + matter
        + "', on "
        + file.map(f -> "file " + f.value()).orElse("workspace " + workspace.value())
        + ")";
  }
}
