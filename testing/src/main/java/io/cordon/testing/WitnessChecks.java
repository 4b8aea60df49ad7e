package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.StoredCheckpoint;
import io.cordon.audit.StoredCosignature;
import io.cordon.audit.checkpoint.Ed25519NoteSigner;
import io.cordon.audit.checkpoint.VerifierKey;
import io.cordon.audit.witness.WitnessedLog;
import io.cordon.context.CordonException;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Witnessing state: the logs this installation witnesses, whose latest cosigned size only ever
 * grows by compare-and-set (even under concurrent submissions), and the cosignatures witnesses
 * returned for this installation's checkpoints.
 */
abstract class WitnessChecks extends LifecycleChecks {
  private static final Instant T0 = Instant.parse("2026-11-22T18:00:00.123Z");

  private static byte[] root(int seed) {
    byte[] root = new byte[32];
    root[0] = (byte) seed;
    root[31] = 1;
    return root;
  }

  private WitnessedLog registered() {
    String origin = Samples.unique("log.example/");
    VerifierKey key = Ed25519NoteSigner.generate(origin).verifierKey();
    WitnessedLog log = WitnessedLog.registered(origin, key, T0);
    write(tx -> tx.witnessedLogs().insert(log));
    return log;
  }

  @Test
  void witnessedLogs_insert_findsAndListsIt_andRefusesTheSameOriginTwice() {
    WitnessedLog log = registered();

    assertThat(read((Transaction tx) -> tx.witnessedLogs().find(log.origin()))).contains(log);
    assertThat(read((Transaction tx) -> tx.witnessedLogs().list())).contains(log);
    assertThat(read((Transaction tx) -> tx.witnessedLogs().find("no/such/log"))).isEmpty();
    assertThatThrownBy(() -> write(tx -> tx.witnessedLogs().insert(log)))
        .isInstanceOf(CordonException.Conflict.class);
  }

  @Test
  void advance_fromTheStoredSize_movesIt_fromAnyOtherSize_changesNothing() {
    WitnessedLog log = registered();
    Instant t1 = T0.plusSeconds(1);

    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.witnessedLogs().advance(log.origin(), 0, 5, root(5), t1)))
        .isTrue();
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.witnessedLogs().advance(log.origin(), 0, 7, root(7), t1)))
        .isFalse();
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.witnessedLogs().advance(log.origin(), 4, 9, root(9), t1)))
        .isFalse();
    assertThat(
            this.<Boolean>writeAndGet(
                tx -> tx.witnessedLogs().advance("no/such/log", 0, 9, root(9), t1)))
        .isFalse();

    WitnessedLog now =
        read((Transaction tx) -> tx.witnessedLogs().find(log.origin())).orElseThrow();
    assertThat(now.treeSize()).isEqualTo(5);
    assertThat(now.rootHash()).isEqualTo(root(5));
    assertThat(now.updated()).isEqualTo(t1);
    assertThatThrownBy(
            () -> write(tx -> tx.witnessedLogs().advance(log.origin(), 5, 3, root(3), t1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void advance_concurrentFromTheSameSize_exactlyOneWins_andTheLogHoldsItsSize() throws Exception {
    WitnessedLog log = registered();

    List<Boolean> won =
        Concurrently.run(
            8,
            i ->
                writeAndGet(
                    tx ->
                        tx.witnessedLogs()
                            .advance(log.origin(), 0, 10 + i, root(10 + i), T0.plusSeconds(i))));

    assertThat(won).containsOnlyOnce(true);
    int winner = won.indexOf(true);
    WitnessedLog now =
        read((Transaction tx) -> tx.witnessedLogs().find(log.origin())).orElseThrow();
    assertThat(now.treeSize()).isEqualTo(10 + winner);
    assertThat(now.rootHash()).isEqualTo(root(10 + winner));
  }

  @Test
  void cosignatures_storedPerCheckpointByWitness_secondFromOneWitnessIgnored() {
    long size = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41);
    write(
        tx ->
            tx.checkpoints()
                .insert(new StoredCheckpoint(size, root(1), "note\n\n\u2014 x AAAAAAA=\n", T0)));
    StoredCosignature b = new StoredCosignature(size, "b.example/w", "\u2014 b.example/w B\n", T0);
    StoredCosignature a = new StoredCosignature(size, "a.example/w", "\u2014 a.example/w A\n", T0);

    write(tx -> tx.cosignatures().insert(b));
    write(tx -> tx.cosignatures().insert(a));
    write(
        tx ->
            tx.cosignatures()
                .insert(new StoredCosignature(size, "a.example/w", "\u2014 a.example/w C\n", T0)));

    assertThat(read((Transaction tx) -> tx.cosignatures().forCheckpoint(size)))
        .containsExactly(a, b);
    assertThat(read((Transaction tx) -> tx.cosignatures().latestSize("a.example/w")))
        .matches(s -> s.isPresent() && s.getAsLong() >= size);
    assertThat(read((Transaction tx) -> tx.cosignatures().latestSize("never.example/w")))
        .isEqualTo(OptionalLong.empty());
  }
}
