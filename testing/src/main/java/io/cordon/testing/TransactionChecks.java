package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.identity.Organisation;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import org.junit.jupiter.api.Test;

/** Commit, rollback and read behaviour of {@link MetadataStore}, and settings. */
abstract class TransactionChecks extends StoreChecks {
  @Test
  void inTransaction_workReturns_commitsAndReturnsValue() {
    Organisation org = Samples.organisation();

    String result =
        writeAndGet(
            tx -> {
              tx.organisations().insert(org);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(read((Transaction tx) -> tx.organisations().find(org.id()))).contains(org);
  }

  @Test
  void inTransaction_workThrows_rollsBackAndRethrowsSameException() {
    Organisation org = Samples.organisation();
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                write(
                    tx -> {
                      tx.organisations().insert(org);
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(read((Transaction tx) -> tx.organisations().find(org.id()))).isEmpty();
  }

  @Test
  void inTransaction_afterFailedTransaction_storeStaysUsable() {
    Organisation org = Samples.organisation();
    assertThatThrownBy(
            () ->
                write(
                    tx -> {
                      tx.organisations().insert(org);
                      tx.organisations().insert(org);
                    }))
        .isInstanceOf(io.cordon.context.CordonException.Conflict.class);

    write(tx -> tx.organisations().insert(org));

    assertThat(read((Transaction tx) -> tx.organisations().find(org.id()))).contains(org);
  }

  @Test
  void read_duringOpenWrite_seesOnlyCommittedState() throws Exception {
    Organisation org = Samples.organisation();
    write(
        tx -> {
          tx.organisations().insert(org);
          // A reader elsewhere must not see the uncommitted row, nor wait for this writer.
          assertThat(
                  java.util.concurrent.CompletableFuture.supplyAsync(
                          () -> read((Transaction r) -> r.organisations().find(org.id())))
                      .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                      .join())
              .isEmpty();
        });

    assertThat(read((Transaction tx) -> tx.organisations().find(org.id()))).contains(org);
  }

  @Test
  void settings_putTwice_getReturnsLatestValue() {
    String key = Samples.unique("install");

    write(tx -> tx.settings().put(key, "first"));
    write(tx -> tx.settings().put(key, "second"));

    assertThat(read((Transaction tx) -> tx.settings().get(key))).contains("second");
    assertThat(read((Transaction tx) -> tx.settings().get(Samples.unique("missing")))).isEmpty();
  }

  @Test
  void settings_putIfAbsent_keepsTheFirstValue() {
    String key = Samples.unique("once");

    assertThat(writeAndGet((Transaction tx) -> tx.settings().putIfAbsent(key, "first"))).isTrue();
    assertThat(writeAndGet((Transaction tx) -> tx.settings().putIfAbsent(key, "second"))).isFalse();

    assertThat(read((Transaction tx) -> tx.settings().get(key))).contains("first");
  }

  @Test
  void settings_replace_onlyWhenStillTheExpectedValue() {
    String key = Samples.unique("cas");
    write(tx -> tx.settings().put(key, "first"));

    assertThat(writeAndGet((Transaction tx) -> tx.settings().replace(key, "stale", "x"))).isFalse();
    assertThat(writeAndGet((Transaction tx) -> tx.settings().replace(key, "first", "second")))
        .isTrue();
    assertThat(writeAndGet((Transaction tx) -> tx.settings().replace(key, "first", "third")))
        .isFalse();
    assertThat(
            writeAndGet(
                (Transaction tx) -> tx.settings().replace(Samples.unique("absent"), "a", "b")))
        .isFalse();

    assertThat(read((Transaction tx) -> tx.settings().get(key))).contains("second");
  }

  @Test
  void kind_always_namesTheDatabase() {
    assertThat(store().kind()).isIn("sqlite", "postgresql");
  }
}
