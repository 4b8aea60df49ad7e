package io.cordon.audit;

import io.cordon.audit.AuditEvent.Outcome;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.identity.OrgId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an audit search or export selects: every given criterion must hold (AND); an empty one does
 * not restrict. Validated on construction, so a filter that exists is one the store may run.
 * Immutable.
 *
 * <p>Times select {@code since <= time < until} (half-open, so consecutive windows never overlap);
 * sequence numbers select {@code fromSeq <= seq <= toSeq}. {@code fromSeq} is also the keyset
 * cursor of paging: the next page starts after the last {@code seq} seen, never at an offset.
 *
 * @param actor a user id, or a username (case-insensitive for known users: it matches every event
 *     of the user who holds it now, and events that claimed exactly that name, e.g. failed logins)
 * @param org the acting user's organisation at the time of the event
 * @param toSeq {@link Long#MAX_VALUE} for no upper bound
 */
public record AuditFilter(
    Optional<String> actor,
    Optional<OrgId> org,
    Optional<ActionPattern> action,
    Optional<String> objectType,
    Optional<String> objectId,
    Optional<WorkspaceId> workspace,
    Optional<Outcome> outcome,
    Optional<Instant> since,
    Optional<Instant> until,
    long fromSeq,
    long toSeq) {
  /** Times outside these bounds are rejected: they would overflow epoch milliseconds. */
  static final Instant EARLIEST = Instant.EPOCH;

  static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
  private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
  private static final int MAX_TEXT = 256;

  public AuditFilter {
    actor = text(actor, "actor");
    org = org == null ? Optional.empty() : org;
    action = action == null ? Optional.empty() : action;
    objectType = objectType == null ? Optional.empty() : objectType;
    if (objectType.isPresent() && !OBJECT_TYPE.matcher(objectType.get()).matches()) {
      throw new CordonException.InvalidInput(
          "'objectType' must be a type name such as file or workspace");
    }
    objectId = text(objectId, "object");
    workspace = workspace == null ? Optional.empty() : workspace;
    outcome = outcome == null ? Optional.empty() : outcome;
    since = time(since, "since");
    until = time(until, "until");
    if (since.isPresent() && until.isPresent() && !until.get().isAfter(since.get())) {
      throw new CordonException.InvalidInput("'until' must be later than 'since'");
    }
    if (fromSeq < 1) {
      throw new CordonException.InvalidInput("'from' must be a sequence number of 1 or more");
    }
    if (toSeq < fromSeq) {
      throw new CordonException.InvalidInput("'to' must not be smaller than 'from'");
    }
  }

  /** Everything from the first event on. */
  public static AuditFilter all() {
    return new AuditFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1,
        Long.MAX_VALUE);
  }

  /** The events about one object (a file's activity). */
  public static AuditFilter aboutObject(String objectId) {
    AuditFilter all = all();
    return new AuditFilter(
        all.actor,
        all.org,
        all.action,
        all.objectType,
        Optional.of(objectId),
        all.workspace,
        all.outcome,
        all.since,
        all.until,
        1,
        Long.MAX_VALUE);
  }

  /** The same filter with another sequence range (a page's cursor, an export's snapshot). */
  public AuditFilter withSeqRange(long from, long to) {
    return new AuditFilter(
        actor, org, action, objectType, objectId, workspace, outcome, since, until, from, to);
  }

  /** Whether an upper sequence bound was given. */
  public boolean bounded() {
    return toSeq != Long.MAX_VALUE;
  }

  /** The criteria that were given, by parameter name, for the audit event of a search. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    actor.ifPresent(v -> out.put(AuditFilterParameters.ACTOR, v));
    org.ifPresent(v -> out.put(AuditFilterParameters.ORG, v.value()));
    action.ifPresent(v -> out.put(AuditFilterParameters.ACTION, v.toString()));
    objectType.ifPresent(v -> out.put(AuditFilterParameters.OBJECT_TYPE, v));
    objectId.ifPresent(v -> out.put(AuditFilterParameters.OBJECT, v));
    workspace.ifPresent(v -> out.put(AuditFilterParameters.WORKSPACE, v.value()));
    outcome.ifPresent(v -> out.put(AuditFilterParameters.OUTCOME, v.code()));
    since.ifPresent(v -> out.put(AuditFilterParameters.SINCE, AuditEventCodec.formatTime(v)));
    until.ifPresent(v -> out.put(AuditFilterParameters.UNTIL, AuditEventCodec.formatTime(v)));
    out.put(AuditFilterParameters.FROM, fromSeq);
    if (bounded()) {
      out.put(AuditFilterParameters.TO, toSeq);
    }
    return out;
  }

  private static Optional<String> text(Optional<String> value, String name) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get();
    if (v.isEmpty() || v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl)) {
      throw new CordonException.InvalidInput(
          "'" + name + "' must have 1 to " + MAX_TEXT + " characters and no control characters");
    }
    return value;
  }

  private static Optional<Instant> time(Optional<Instant> value, String name) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isBefore(EARLIEST) || !value.get().isBefore(LATEST)) {
      throw new CordonException.InvalidInput(
          "'" + name + "' must lie between 1970 and the year 9999");
    }
    return value;
  }
}
