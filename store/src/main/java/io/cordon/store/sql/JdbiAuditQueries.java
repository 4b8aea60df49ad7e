package io.cordon.store.sql;

import io.cordon.audit.AuditFilter;
import io.cordon.audit.AuditQueries;
import io.cordon.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Audit search: the filter becomes a WHERE clause of fixed fragments with every value bound as a
 * parameter (no value is ever spliced into SQL), ordered by {@code seq} with a keyset lower bound
 * instead of an OFFSET. Lives as long as its transaction.
 *
 * <p>Two parts, read in one transaction: events up to the search watermark are found through the
 * indexed copy {@code audit_search} (built behind the trail by {@link AuditSearchIndex}), events
 * after it by scanning {@code audit_events} from the watermark on. Every indexed number is below
 * every unindexed one, so the indexed part comes first in {@code seq} order and the tail only fills
 * what the limit leaves: results are complete and exact however far the indexer lags. The records
 * returned are always the trail's own rows (bytes and hashes), never the copy.
 *
 * <p>The organisation is the one the actor belonged to when the event happened, from the stored
 * event's JSON (the copy holds it as a column; the tail reads it with each database's JSON
 * function).
 */
final class JdbiAuditQueries implements AuditQueries {
  private static final String COLUMNS = "e.seq, e.event_json, e.leaf_hash, e.chain_hash";
  private static final String INDEXED =
      " FROM audit_search s JOIN audit_events e ON e.seq = s.seq WHERE s.seq <= :watermark AND ";
  private static final String TAIL = " FROM audit_events e WHERE e.seq > :watermark AND ";

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiAuditQueries(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public List<AuditRecord> search(AuditFilter filter, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    try {
      long watermark = AuditSearchIndex.watermark(handle);
      List<AuditRecord> found = new ArrayList<>();
      if (filter.fromSeq() <= watermark) {
        found.addAll(records(INDEXED, where(filter, "s.", "s.actor_org"), watermark, limit));
      }
      if (found.size() < limit && (!filter.bounded() || filter.toSeq() > watermark)) {
        Where tail = where(filter, "e.", AuditSearchIndex.actorOrg(dialect));
        found.addAll(records(TAIL, tail, watermark, limit - found.size()));
      }
      return found;
    } catch (JdbiException e) {
      throw dialect.translate(e);
    }
  }

  private List<AuditRecord> records(String from, Where where, long watermark, int limit) {
    return handle
        .createQuery("SELECT " + COLUMNS + from + where.sql() + " ORDER BY e.seq LIMIT :limit")
        .bindMap(where.params())
        .bind("watermark", watermark)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new AuditRecord(
                    rs.getLong(1),
                    rs.getString(2).getBytes(StandardCharsets.UTF_8),
                    rs.getBytes(3),
                    rs.getBytes(4)))
        .list();
  }

  @Override
  public long count(AuditFilter filter) {
    try {
      long watermark = AuditSearchIndex.watermark(handle);
      long indexed =
          count(
              " FROM audit_search s WHERE s.seq <= :watermark AND ",
              where(filter, "s.", "s.actor_org"),
              watermark);
      return indexed
          + count(TAIL, where(filter, "e.", AuditSearchIndex.actorOrg(dialect)), watermark);
    } catch (JdbiException e) {
      throw dialect.translate(e);
    }
  }

  private long count(String from, Where where, long watermark) {
    return handle
        .createQuery("SELECT COUNT(*)" + from + where.sql())
        .bindMap(where.params())
        .bind("watermark", watermark)
        .mapTo(Long.class)
        .one();
  }

  /**
   * The filter's clauses on the columns of one table alias ({@code p} is {@code "s."} or {@code
   * "e."}), with {@code org} the expression for the actor's organisation there.
   */
  private static Where where(AuditFilter f, String p, String org) {
    List<String> clauses = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    clauses.add(p + "seq >= :fromSeq");
    params.put("fromSeq", f.fromSeq());
    if (f.bounded()) {
      clauses.add(p + "seq <= :toSeq");
      params.put("toSeq", f.toSeq());
    }
    f.actor()
        .ifPresent(
            actor -> {
              // A user id, the exact name an event claimed, or every event of the user who holds
              // that username now (usernames are unique case-insensitively).
              clauses.add(
                  "("
                      + p
                      + "actor_user = :actor OR "
                      + p
                      + "actor_username = :actor OR "
                      + p
                      + "actor_user IN (SELECT id FROM users WHERE username_lower = :actorLower))");
              params.put("actor", actor);
              params.put("actorLower", actor.toLowerCase(Locale.ROOT));
            });
    f.org()
        .ifPresent(
            o -> {
              clauses.add(org + " = :org");
              params.put("org", o.value());
            });
    f.action()
        .ifPresent(
            action -> {
              if (action.prefix()) {
                // '_' is a LIKE wildcard and may occur in action names: escape it.
                clauses.add(p + "action LIKE :actionPrefix ESCAPE '!'");
                params.put("actionPrefix", action.value().replace("_", "!_") + "%");
              } else {
                clauses.add(p + "action = :action");
                params.put("action", action.value());
              }
            });
    equal(clauses, params, p + "object_type", "objectType", f.objectType().orElse(null));
    equal(clauses, params, p + "object_id", "objectId", f.objectId().orElse(null));
    equal(
        clauses,
        params,
        p + "workspace_id",
        "workspace",
        f.workspace().map(w -> w.value()).orElse(null));
    equal(clauses, params, p + "outcome", "outcome", f.outcome().map(o -> o.code()).orElse(null));
    f.since().ifPresent(t -> addTime(clauses, params, p + "time_ms >= :since", "since", t));
    f.until().ifPresent(t -> addTime(clauses, params, p + "time_ms < :until", "until", t));
    return new Where(String.join(" AND ", clauses), params);
  }

  private static void equal(
      List<String> clauses, Map<String, Object> params, String column, String name, Object value) {
    if (value != null) {
      clauses.add(column + " = :" + name);
      params.put(name, value);
    }
  }

  /**
   * Stored times are whole milliseconds; a bound with a fraction of a millisecond is rounded up, so
   * that {@code since} stays inclusive and {@code until} exclusive of the exact instant given.
   */
  private static void addTime(
      List<String> clauses, Map<String, Object> params, String clause, String name, Instant t) {
    long millis = t.toEpochMilli() + (t.getNano() % 1_000_000 == 0 ? 0 : 1);
    clauses.add(clause);
    params.put(name, millis);
  }

  private record Where(String sql, Map<String, Object> params) {}
}
