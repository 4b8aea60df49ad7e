package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditFilter;
import io.cordon.audit.AuditFilterParameters;
import io.cordon.audit.AuditRecord;
import io.cordon.storage.Transaction;
import io.cordon.testing.Samples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The search copy built behind the trail (migration V13, {@link AuditSearchIndex}): searches are
 * complete and exact whatever the indexer has done (nothing, part, all), an indexing transaction
 * that dies leaves watermark and copy as they were, a store opened after a crash continues from the
 * committed watermark, and two indexers on one database (two nodes) index every event once.
 *
 * <p>Each test appends events with an action of its own and searches only for those; stores may
 * share a database, so positions are relative to the head when the test began.
 */
abstract class AuditSearchIndexContract {
  /** Opens a store on the test class's database, migrated. */
  abstract JdbiMetadataStore newStore();

  @Test
  void search_eventsJustAppended_areFoundBeforeTheIndexerRuns() {
    try (JdbiMetadataStore store = quietStore()) {
      String action = Samples.unique("tail").replace('-', '_') + ".event";
      List<Long> appended = append(store, action, 5);

      assertThat(store.auditSearchLag()).isGreaterThanOrEqualTo(5);
      assertThat(seqs(search(store, Map.of("action", action), 100))).isEqualTo(appended);
      assertThat(count(store, Map.of("action", action))).isEqualTo(5);
    }
  }

  @Test
  void search_acrossTheWatermark_findsEachEventOnceInOrder() {
    try (JdbiMetadataStore store = quietStore()) {
      String action = Samples.unique("half").replace('-', '_') + ".event";
      AuditEvent sample = Samples.event(action);
      String org = sample.actor().org().orElseThrow();
      List<Long> appended = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        appended.add(append(store, sample));
      }
      // Index up to the sixth event: four stay in the unindexed tail.
      indexUpTo(store, appended.get(5));

      assertThat(seqs(search(store, Map.of("action", action), 100))).isEqualTo(appended);
      assertThat(seqs(search(store, Map.of("action", action, "org", org), 100)))
          .isEqualTo(appended);
      assertThat(count(store, Map.of("action", action, "org", org))).isEqualTo(10);
      // Pages of three cross the watermark without a gap or an overlap.
      List<Long> paged = new ArrayList<>();
      long cursor = appended.getFirst();
      List<AuditRecord> page;
      do {
        page = search(store, Map.of("action", action, "from", Long.toString(cursor)), 3);
        page.forEach(r -> paged.add(r.seq()));
        cursor = page.isEmpty() ? cursor : page.getLast().seq() + 1;
      } while (page.size() == 3);
      assertThat(paged).isEqualTo(appended);
      // The records are the trail's own bytes, whichever part found them.
      List<AuditRecord> found = search(store, Map.of("action", action), 100);
      List<AuditRecord> trail =
          store.read((Transaction tx) -> tx.audit().records(appended.getFirst(), 10));
      assertThat(found).isEqualTo(trail);
    }
  }

  @Test
  void indexer_transactionDiesHalfWay_leavesWatermarkAndCopyAsTheyWere() {
    try (JdbiMetadataStore store = quietStore()) {
      String action = Samples.unique("dies").replace('-', '_') + ".event";
      List<Long> appended = append(store, action, 4);
      long lagBefore = store.auditSearchLag();

      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      tx -> {
                        JdbiTransaction jdbi = (JdbiTransaction) tx;
                        AuditSearchIndex.indexNext(
                            jdbi.handle(), dialect(store), jdbi.auditHead(), 1000);
                        throw new IllegalStateException("the node died here");
                      }))
          .hasMessage("the node died here");

      assertThat(store.auditSearchLag()).isEqualTo(lagBefore);
      assertThat(copied(store, appended)).isZero();
      assertThat(seqs(search(store, Map.of("action", action), 100))).isEqualTo(appended);
    }
  }

  @Test
  void indexer_crashBetweenBatches_resumesFromTheCommittedWatermark() {
    String action = Samples.unique("crash").replace('-', '_') + ".event";
    List<Long> appended;
    try (JdbiMetadataStore store = quietStore()) {
      appended = append(store, action, 8);
      indexUpTo(store, appended.get(2)); // one batch committed, then the node stops
    }
    try (JdbiMetadataStore reopened = newStore()) {
      // Whatever its own indexer has done by now, searches are complete and exact.
      assertThat(seqs(search(reopened, Map.of("action", action), 100))).isEqualTo(appended);
      while (reopened.auditSearchLag() > 0) {
        reopened.indexAuditSearch(3);
      }
      assertThat(copied(reopened, appended)).isEqualTo(8);
      assertThat(seqs(search(reopened, Map.of("action", action), 100))).isEqualTo(appended);
      assertThat(count(reopened, Map.of("action", action))).isEqualTo(8);
    }
  }

  @Test
  void indexer_twoNodesAtOnce_indexEveryEventOnce() throws Exception {
    String action = Samples.unique("nodes").replace('-', '_') + ".event";
    try (JdbiMetadataStore a = quietStore();
        JdbiMetadataStore b = quietStore();
        ExecutorService threads = Executors.newFixedThreadPool(3)) {
      List<Long> appended = append(a, action, 50);
      List<Future<?>> running = new ArrayList<>();
      for (JdbiMetadataStore node : List.of(a, b)) {
        running.add(
            threads.submit(
                () -> {
                  while (node.auditSearchLag() > 0) {
                    node.indexAuditSearch(7);
                  }
                  return null;
                }));
      }
      // Appends go on while both index.
      running.add(threads.submit(() -> appended.addAll(append(b, action, 20))));
      for (Future<?> f : running) {
        f.get();
      }
      while (a.auditSearchLag() > 0) {
        a.indexAuditSearch(100);
      }

      assertThat(copied(a, appended)).isEqualTo(70);
      assertThat(seqs(search(b, Map.of("action", action), 1000))).isEqualTo(appended);
    }
  }

  /** A store whose background indexer is stopped, so the test decides what is indexed. */
  private JdbiMetadataStore quietStore() {
    JdbiMetadataStore store = newStore();
    store.stopSearchIndexing();
    return store;
  }

  private static SqlDialect dialect(JdbiMetadataStore store) {
    return store instanceof PostgresMetadataStore ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE;
  }

  private static List<Long> append(JdbiMetadataStore store, String action, int n) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seqs.add(append(store, Samples.event(action)));
    }
    return seqs;
  }

  private static long append(JdbiMetadataStore store, AuditEvent e) {
    return store.inTransaction((Transaction tx) -> tx.audit().append(e)).seq();
  }

  /** Moves the watermark to exactly {@code seq}, which must be at or after it. */
  private static void indexUpTo(JdbiMetadataStore store, long seq) {
    long watermark = store.read(tx -> AuditSearchIndex.watermark(((JdbiTransaction) tx).handle()));
    assertThat(seq).isGreaterThanOrEqualTo(watermark);
    if (seq > watermark) {
      assertThat(store.indexAuditSearch((int) (seq - watermark))).isEqualTo(seq - watermark);
    }
  }

  /** How many of these events have their row in the search copy. */
  private static long copied(JdbiMetadataStore store, List<Long> seqs) {
    return store.read(
        tx ->
            ((JdbiTransaction) tx)
                .handle()
                .createQuery("SELECT COUNT(*) FROM audit_search WHERE seq IN (<seqs>)")
                .bindList("seqs", seqs)
                .mapTo(Long.class)
                .one());
  }

  private static List<AuditRecord> search(
      JdbiMetadataStore store, Map<String, String> parameters, int limit) {
    AuditFilter f = filter(parameters);
    return store.read((Transaction tx) -> tx.auditQueries().search(f, limit));
  }

  private static long count(JdbiMetadataStore store, Map<String, String> parameters) {
    AuditFilter f = filter(parameters);
    return store.read((Transaction tx) -> tx.auditQueries().count(f));
  }

  private static AuditFilter filter(Map<String, String> parameters) {
    return AuditFilterParameters.parse(new HashMap<>(parameters)::get);
  }

  private static List<Long> seqs(List<AuditRecord> records) {
    return records.stream().map(AuditRecord::seq).toList();
  }
}
