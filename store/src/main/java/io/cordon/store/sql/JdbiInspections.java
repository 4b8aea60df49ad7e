package io.cordon.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.content.Classification;
import io.cordon.content.FileId;
import io.cordon.inspect.InspectionState;
import io.cordon.inspect.Inspections;
import io.cordon.inspect.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Inspection records in the {@code version_inspections} table (V15). Claims are compare-and-set on
 * the old lease, so concurrent workers (several nodes on one PostgreSQL) never share a version.
 * Lives as long as its transaction.
 */
final class JdbiInspections implements Inspections {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {};

  private static final RowMapper<Verdict> ROW =
      (rs, ctx) ->
          new Verdict(
              InspectionState.fromCode(rs.getString("state")),
              Classification.fromCode(rs.getString("classification")),
              Columns.list(rs, "data_types"),
              counts(rs.getString("findings")),
              Columns.optionalText(rs, "media_type"),
              Columns.optionalText(rs, "detail"),
              Columns.optionalText(rs, "malware"),
              rs.getInt("attempts"),
              Columns.instant(rs, "updated_ms"));

  private final Handle handle;

  JdbiInspections(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(VersionKey version, Verdict v) {
    handle
        .createUpdate(
            "INSERT INTO version_inspections (file_id, number, state, classification, data_types,"
                + " findings, media_type, detail, malware, attempts, lease_ms, updated_ms)"
                + " VALUES (:file, :number, :state, :classification, :types, :findings, :media,"
                + " :detail, :malware, :attempts, 0, :updated)")
        .bind("file", version.file().value())
        .bind("number", version.number())
        .bindMap(values(v))
        .bind("media", v.mediaType().orElse(null))
        .bind("detail", v.detail().orElse(null))
        .bind("malware", v.malware().orElse(null))
        .execute();
  }

  @Override
  public Optional<Verdict> find(VersionKey version) {
    return handle
        .createQuery("SELECT * FROM version_inspections WHERE file_id = :file AND number = :number")
        .bind("file", version.file().value())
        .bind("number", version.number())
        .map(ROW)
        .findOne();
  }

  @Override
  public List<VersionKey> claimPending(Instant now, Instant leaseUntil, int limit) {
    List<Candidate> candidates =
        handle
            .createQuery(
                "SELECT file_id, number, lease_ms FROM version_inspections"
                    + " WHERE state = 'pending' AND lease_ms < :now"
                    + " ORDER BY updated_ms, file_id, number LIMIT :limit")
            .bind("now", Columns.millis(now))
            .bind("limit", limit)
            .map(
                (rs, ctx) ->
                    new Candidate(
                        new VersionKey(new FileId(rs.getString("file_id")), rs.getInt("number")),
                        rs.getLong("lease_ms")))
            .list();
    List<VersionKey> claimed = new ArrayList<>();
    for (Candidate c : candidates) {
      int n =
          handle
              .createUpdate(
                  "UPDATE version_inspections SET lease_ms = :until, attempts = attempts + 1"
                      + " WHERE file_id = :file AND number = :number AND state = 'pending'"
                      + " AND lease_ms = :old")
              .bind("until", Columns.millis(leaseUntil))
              .bind("file", c.key().file().value())
              .bind("number", c.key().number())
              .bind("old", c.lease())
              .execute();
      if (n == 1) {
        claimed.add(c.key());
      }
    }
    return claimed;
  }

  @Override
  public void update(VersionKey version, Verdict v) {
    handle
        .createUpdate(
            "UPDATE version_inspections SET state = :state, classification = :classification,"
                + " data_types = :types, findings = :findings, media_type = :media,"
                + " detail = :detail, malware = :malware, attempts = :attempts,"
                + " updated_ms = :updated WHERE file_id = :file AND number = :number")
        .bind("file", version.file().value())
        .bind("number", version.number())
        .bindMap(values(v))
        .bind("media", v.mediaType().orElse(null))
        .bind("detail", v.detail().orElse(null))
        .bind("malware", v.malware().orElse(null))
        .execute();
  }

  @Override
  public long countPending() {
    return handle
        .createQuery("SELECT COUNT(*) FROM version_inspections WHERE state = 'pending'")
        .mapTo(Long.class)
        .one();
  }

  private static Map<String, Object> values(Verdict v) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("state", v.state().code());
    m.put("classification", v.classification().code());
    m.put("types", Columns.list(v.dataTypes()));
    m.put("findings", json(v.counts()));
    m.put("attempts", v.attempts());
    m.put("updated", Columns.millis(v.updated()));
    return m;
  }

  private static String json(Map<String, Long> counts) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(counts));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("counts are always serialisable", e);
    }
  }

  private static Map<String, Long> counts(String json) throws java.sql.SQLException {
    try {
      return JSON.readValue(json, COUNTS);
    } catch (JsonProcessingException e) {
      throw new java.sql.SQLException("findings does not hold a JSON object of counts", e);
    }
  }

  private record Candidate(VersionKey key, long lease) {}
}
