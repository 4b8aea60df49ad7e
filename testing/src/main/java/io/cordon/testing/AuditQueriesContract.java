package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.Outcome;
import io.cordon.audit.AuditFilter;
import io.cordon.audit.AuditFilterParameters;
import io.cordon.audit.AuditRecord;
import io.cordon.content.WorkspaceId;
import io.cordon.identity.OrgId;
import io.cordon.identity.User;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link io.cordon.audit.AuditQueries} adapter must show: each criterion of an
 * {@link AuditFilter} selects exactly the matching events, criteria combine with AND, keyset paging
 * covers a range without gaps or overlaps, and hostile values are only ever values. An adapter's
 * test extends this class and says how to open a store.
 *
 * <p>Stores may share one database between tests: each test appends its own events and searches
 * only the sequence range it appended ({@link #mine}).
 */
public abstract class AuditQueriesContract extends StoreChecks {
  private static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");

  private MetadataStore store;
  private long before;

  /** Opens a store ready for use (migrated). */
  protected abstract MetadataStore newStore();

  @Override
  protected final MetadataStore store() {
    return store;
  }

  @BeforeEach
  final void openStore() {
    store = newStore();
    before = read((Transaction tx) -> tx.audit().lastSeq());
  }

  @AfterEach
  final void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void search_eachCriterion_selectsExactlyTheMatchingEvents() {
    Seeded s = seedVariedEvents();

    assertThat(seqs(mine(Map.of("actor", s.aliceId)))).containsExactly(s.at(0), s.at(1));
    assertThat(seqs(mine(Map.of("org", s.partnerOrg.value())))).containsExactly(s.at(2));
    assertThat(seqs(mine(Map.of("action", "file.download")))).containsExactly(s.at(1), s.at(2));
    assertThat(seqs(mine(Map.of("action", "file.*")))).containsExactly(s.at(0), s.at(1), s.at(2));
    assertThat(seqs(mine(Map.of("objectType", "workspace")))).containsExactly(s.at(3));
    assertThat(seqs(mine(Map.of("object", s.fileId)))).containsExactly(s.at(0), s.at(1), s.at(2));
    assertThat(seqs(mine(Map.of("workspace", s.workspace.value()))))
        .containsExactly(s.at(0), s.at(1), s.at(2), s.at(3));
    assertThat(seqs(mine(Map.of("outcome", "denied")))).containsExactly(s.at(2));
    assertThat(seqs(mine(Map.of("outcome", "error")))).containsExactly(s.at(4));
  }

  @Test
  void search_criteriaTogether_mustAllHold() {
    Seeded s = seedVariedEvents();

    assertThat(seqs(mine(Map.of("action", "file.*", "outcome", "success"))))
        .containsExactly(s.at(0), s.at(1));
    assertThat(seqs(mine(Map.of("actor", s.aliceId, "outcome", "denied")))).isEmpty();
    assertThat(seqs(mine(Map.of("org", s.partnerOrg.value(), "action", "file.download"))))
        .containsExactly(s.at(2));
  }

  @Test
  void search_timeRange_isHalfOpen_sinceInclusiveUntilExclusive() {
    Seeded s = seedVariedEvents(); // one event per minute from T0

    assertThat(seqs(mine(Map.of("since", "2026-11-22T18:01:00Z", "until", "2026-11-22T18:03:00Z"))))
        .containsExactly(s.at(1), s.at(2));
    assertThat(seqs(mine(Map.of("since", "2026-11-22T18:03:00.000000001Z"))))
        .containsExactly(s.at(4));
    assertThat(seqs(mine(Map.of("until", "2026-11-22T19:01:30+01:00"))))
        .containsExactly(s.at(0), s.at(1));
  }

  @Test
  void search_actorByUsername_isCaseInsensitiveAndFindsTheUsersEventsById() {
    Seeded s = seedVariedEvents();

    // The user's own events (by id, whatever name they carry) and a failed login that claimed
    // exactly this name; not another user's events.
    assertThat(seqs(mine(Map.of("actor", s.aliceName.toUpperCase(java.util.Locale.ROOT)))))
        .containsExactly(s.at(0), s.at(1));
    assertThat(seqs(mine(Map.of("actor", s.claimedName)))).containsExactly(s.at(4));
  }

  @Test
  void search_actionPrefix_treatsUnderscoreLiterally() {
    long a = append(event("a_b.read", Instant.now()));
    append(event("axb.read", Instant.now()));
    long c = append(event("a_b.write", Instant.now()));

    assertThat(seqs(mine(Map.of("action", "a_b.*")))).containsExactly(a, c);
  }

  @Test
  void search_keysetPages_coverTheRangeOnceInOrder() {
    List<Long> appended = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      appended.add(append(event("page.item", T0.plusSeconds(i))));
    }
    AuditFilter filter = filter(Map.of("action", "page.item"));
    List<Long> seen = new ArrayList<>();
    long cursor = before + 1;
    int pages = 0;
    while (true) {
      AuditFilter page = filter.withSeqRange(cursor, Long.MAX_VALUE);
      List<AuditRecord> records = read((Transaction tx) -> tx.auditQueries().search(page, 3));
      pages++;
      records.forEach(r -> seen.add(r.seq()));
      if (records.size() < 3) {
        break;
      }
      cursor = records.getLast().seq() + 1;
    }
    assertThat(seen).isEqualTo(appended);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void search_cursorPastTheEnd_isEmpty() {
    append(event("past.end", Instant.now()));
    AuditFilter past = AuditFilter.all().withSeqRange(Long.MAX_VALUE - 1, Long.MAX_VALUE);

    assertThat(read((Transaction tx) -> tx.auditQueries().search(past, 10))).isEmpty();
    assertThat(read((Transaction tx) -> tx.auditQueries().count(past))).isZero();
  }

  @Test
  void search_returnsTheStoredBytesAndHashes_andCountAgrees() {
    Seeded s = seedVariedEvents();
    AuditFilter filter = filter(Map.of("workspace", s.workspace.value()));

    List<AuditRecord> found = read((Transaction tx) -> tx.auditQueries().search(filter, 100));
    List<AuditRecord> stored = read((Transaction tx) -> tx.audit().records(s.at(0), 4));

    assertThat(found).isEqualTo(stored);
    assertThat(read((Transaction tx) -> tx.auditQueries().count(filter))).isEqualTo(4);
  }

  @Test
  void search_injectionShapedValues_matchNothingAndChangeNothing() {
    seedVariedEvents();
    long last = read((Transaction tx) -> tx.audit().lastSeq());

    for (String hostile :
        List.of("x' OR '1'='1", "'; DROP TABLE audit_events; --", "%", "_", "\\", "\" OR 1=1")) {
      assertThat(mine(Map.of("object", hostile))).as(hostile).isEmpty();
      assertThat(mine(Map.of("actor", hostile))).as(hostile).isEmpty();
    }
    assertThat(read((Transaction tx) -> tx.audit().lastSeq())).isEqualTo(last);
  }

  // --- fixtures --------------------------------------------------------------------------------

  /** The filter given by these parameters, limited to the events this test appended. */
  private List<AuditRecord> mine(Map<String, String> parameters) {
    AuditFilter f = filter(parameters);
    return read((Transaction tx) -> tx.auditQueries().search(f, 1000));
  }

  private AuditFilter filter(Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(parameters);
    all.put("from", Long.toString(before + 1));
    return AuditFilterParameters.parse(all::get);
  }

  private static List<Long> seqs(List<AuditRecord> records) {
    return records.stream().map(AuditRecord::seq).toList();
  }

  private long append(AuditEvent e) {
    return writeAndGet((Transaction tx) -> tx.audit().append(e)).seq();
  }

  /** Five events a minute apart from T0, with the attributes the checks select by. */
  private Seeded seedVariedEvents() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    User alice = seed.user();
    OrgId partner = OrgId.random();
    String file = Samples.unique("f").replace('-', '_');
    WorkspaceId ws = seed.workspace().id();
    String claimed = Samples.unique("Mallory");
    String otherUser = io.cordon.identity.UserId.random().value();
    List<Long> seqs = new ArrayList<>();
    // 0: alice uploads (her username in another case), 1: alice downloads
    seqs.add(
        append(
            event(
                "file.upload",
                T0,
                actor(
                    alice.id().value(),
                    alice.username().toUpperCase(java.util.Locale.ROOT),
                    seed.org().id()),
                object("file", file, ws),
                Outcome.SUCCESS)));
    seqs.add(
        append(
            event(
                "file.download",
                T0.plusSeconds(60),
                actor(alice.id().value(), alice.username(), seed.org().id()),
                object("file", file, ws),
                Outcome.SUCCESS)));
    // 2: a partner user is denied a download
    seqs.add(
        append(
            event(
                "file.download",
                T0.plusSeconds(120),
                actor(otherUser, "qa@partner.example", partner),
                object("file", file, ws),
                Outcome.DENIED)));
    // 3: someone creates the workspace, 4: a failed login claiming a name
    seqs.add(
        append(
            event(
                "workspace.create",
                T0.plusSeconds(180),
                actor(otherUser, "pm@home.example", seed.org().id()),
                object("workspace", ws.value(), ws),
                Outcome.SUCCESS)));
    seqs.add(
        append(
            event(
                "auth.login_failed",
                T0.plusSeconds(240),
                new AuditEvent.Actor(null, Optional.of(claimed), null, null, null, null, null),
                Optional.empty(),
                Outcome.ERROR)));
    return new Seeded(seqs, alice.id().value(), alice.username(), partner, file, ws, claimed);
  }

  private record Seeded(
      List<Long> seqs,
      String aliceId,
      String aliceName,
      OrgId partnerOrg,
      String fileId,
      WorkspaceId workspace,
      String claimedName) {
    long at(int i) {
      return seqs.get(i);
    }
  }

  private static AuditEvent.Actor actor(String user, String username, OrgId org) {
    return new AuditEvent.Actor(
        Optional.of(user),
        Optional.of(username),
        Optional.of(org.value()),
        Optional.of("home"),
        List.of("member"),
        Optional.empty(),
        Optional.of("password"));
  }

  private static Optional<AuditEvent.AuditObject> object(String type, String id, WorkspaceId ws) {
    return Optional.of(
        new AuditEvent.AuditObject(
            type, id, Optional.of("name"), Optional.of(ws.value()), Optional.empty(), List.of()));
  }

  private static AuditEvent event(String action, Instant time) {
    return event(
        action,
        time,
        actor(io.cordon.identity.UserId.random().value(), "x@example.org", OrgId.random()),
        Optional.empty(),
        Outcome.SUCCESS);
  }

  private static AuditEvent event(
      String action,
      Instant time,
      AuditEvent.Actor actor,
      Optional<AuditEvent.AuditObject> object,
      Outcome outcome) {
    return new AuditEvent(
        0,
        time,
        actor,
        action,
        object,
        outcome,
        Optional.empty(),
        new AuditEvent.EventContext(
            "api", Optional.of("192.0.2.1"), null, null, null, Optional.of("test")),
        Map.of());
  }
}
