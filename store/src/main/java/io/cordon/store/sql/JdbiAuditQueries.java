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
 * Audit search over {@code audit_events}: the filter becomes a WHERE clause of fixed fragments with
 * every value bound as a parameter (no value is ever spliced into SQL), ordered by {@code seq} with
 * a keyset lower bound instead of an OFFSET. Lives as long as its transaction.
 *
 * <p>The organisation is not a column of its own: it is read from the stored event's JSON (the
 * exact bytes its leaf hash covers), with each database's JSON function, so it is the organisation
 * the actor belonged to when the event happened.
 */
final class JdbiAuditQueries implements AuditQueries {
  private static final String COLUMNS = "seq, event_json, leaf_hash, chain_hash";

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
    Where where = where(filter);
    try {
      return handle
          .createQuery(
              "SELECT "
                  + COLUMNS
                  + " FROM audit_events WHERE "
                  + where.sql()
                  + " ORDER BY seq"
                  + " LIMIT :limit")
          .bindMap(where.params())
          .bind("limit", limit)
          .map(
              (rs, ctx) ->
                  new AuditRecord(
                      rs.getLong(1),
                      rs.getString(2).getBytes(StandardCharsets.UTF_8),
                      rs.getBytes(3),
                      rs.getBytes(4)))
          .list();
    } catch (JdbiException e) {
      throw dialect.translate(e);
    }
  }

  @Override
  public long count(AuditFilter filter) {
    Where where = where(filter);
    try {
      return handle
          .createQuery("SELECT COUNT(*) FROM audit_events WHERE " + where.sql())
          .bindMap(where.params())
          .mapTo(Long.class)
          .one();
    } catch (JdbiException e) {
      throw dialect.translate(e);
    }
  }

  private Where where(AuditFilter f) {
    List<String> clauses = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    clauses.add("seq >= :fromSeq");
    params.put("fromSeq", f.fromSeq());
    if (f.bounded()) {
      clauses.add("seq <= :toSeq");
      params.put("toSeq", f.toSeq());
    }
    f.actor()
        .ifPresent(
            actor -> {
              // A user id, the exact name an event claimed, or every event of the user who holds
              // that username now (usernames are unique case-insensitively).
              clauses.add(
                  "(actor_user = :actor OR actor_username = :actor OR actor_user IN"
                      + " (SELECT id FROM users WHERE username_lower = :actorLower))");
              params.put("actor", actor);
              params.put("actorLower", actor.toLowerCase(Locale.ROOT));
            });
    f.org()
        .ifPresent(
            org -> {
              clauses.add(actorOrg() + " = :org");
              params.put("org", org.value());
            });
    f.action()
        .ifPresent(
            action -> {
              if (action.prefix()) {
                // '_' is a LIKE wildcard and may occur in action names: escape it.
                clauses.add("action LIKE :actionPrefix ESCAPE '!'");
                params.put("actionPrefix", action.value().replace("_", "!_") + "%");
              } else {
                clauses.add("action = :action");
                params.put("action", action.value());
              }
            });
    equal(clauses, params, "object_type", "objectType", f.objectType().orElse(null));
    equal(clauses, params, "object_id", "objectId", f.objectId().orElse(null));
    equal(
        clauses,
        params,
        "workspace_id",
        "workspace",
        f.workspace().map(w -> w.value()).orElse(null));
    equal(clauses, params, "outcome", "outcome", f.outcome().map(o -> o.code()).orElse(null));
    f.since().ifPresent(t -> addTime(clauses, params, "time_ms >= :since", "since", t));
    f.until().ifPresent(t -> addTime(clauses, params, "time_ms < :until", "until", t));
    return new Where(String.join(" AND ", clauses), params);
  }

  private String actorOrg() {
    return switch (dialect) {
      case SQLITE -> "json_extract(event_json, '$.actor.org')";
      case POSTGRESQL -> "(CAST(event_json AS jsonb) #>> '{actor,org}')";
    };
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
