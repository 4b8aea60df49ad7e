package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditChain;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.AuditTree;
import io.cordon.audit.CheckpointService;
import io.cordon.audit.StoredCheckpoint;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.audit.checkpoint.CheckpointResult;
import io.cordon.audit.checkpoint.CheckpointVerifier;
import io.cordon.audit.tree.ProofResult;
import io.cordon.audit.tree.ProofVerifier;
import io.cordon.crypto.KeyVault;
import io.cordon.identity.InstallationService;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints over a real store: they commit to the tree of the stored leaf hashes, verify
 * with the published key, prove inclusion and consistency, and catch a rewrite of the trail that
 * recomputed every hash after the change, naming where it begins. Runs after the tamper checks'
 * setup, on the same fresh database, with a key vault the adapter's test provides.
 */
public abstract class AuditCheckpointContract extends AuditTamperContract {
  private final List<StoredCheckpoint> exported = new ArrayList<>();

  /** A key vault for the running test. */
  protected abstract KeyVault vault();

  private CheckpointService checkpoints() {
    return new CheckpointService(
        store(), vault(), new AuditTree(store()), exported::add, Clock.systemUTC());
  }

  private void installed() {
    store()
        .inTransaction(
            tx -> {
              if (tx.settings().get(InstallationService.INSTALL_ID).isEmpty()) {
                tx.settings().put(InstallationService.INSTALL_ID, "inst-test");
              }
              return null;
            });
  }

  @Test
  void publish_signsTheWholeTrail_onceUntilMoreEventsArrive() {
    installed();
    CheckpointService service = checkpoints();

    StoredCheckpoint first = service.publish().orElseThrow();

    assertThat(first.treeSize()).isEqualTo(EVENTS);
    assertThat(first.note()).startsWith("cordon/inst-test\n" + EVENTS + "\n");
    CheckpointResult result =
        new CheckpointVerifier(service.verifierKey())
            .verify(first.note().getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(CheckpointResult.Verified.class);
    assertThat(service.publish()).isEmpty();
    assertThat(exported).containsExactly(first);

    append("after.checkpoint");
    assertThat(service.publish()).map(StoredCheckpoint::treeSize).contains(EVENTS + 1L);
  }

  @Test
  void signingKey_keptWrappedAndTheSameForTheNextNode() {
    installed();
    CheckpointService one = checkpoints();
    one.publish();

    CheckpointService other = checkpoints();

    assertThat(other.verifierKey()).isEqualTo(one.verifierKey());
    String stored =
        store().read((Transaction tx) -> tx.settings().get(CheckpointService.SIGNING_KEY)).get();
    assertThat(stored).doesNotContain("PRIVATE+KEY");
  }

  @Test
  void proofs_verifyAgainstTheCheckpointRoot() {
    installed();
    AuditTree tree = new AuditTree(store());
    CheckpointService service =
        new CheckpointService(store(), vault(), tree, exported::add, Clock.systemUTC());
    StoredCheckpoint small = service.publish().orElseThrow();
    append("more.one");
    append("more.two");
    StoredCheckpoint large = service.publish().orElseThrow();

    for (long seq = 1; seq <= large.treeSize(); seq++) {
      byte[] leaf = record(seq).leafHash();
      ProofResult r =
          ProofVerifier.verifyInclusion(
              tree.inclusionProof(seq, large.treeSize()), leaf, large.rootHash());
      assertThat(r).as("seq %d", seq).isInstanceOf(ProofResult.Verified.class);
    }
    assertThat(
            ProofVerifier.verifyConsistency(
                tree.consistencyProof(small.treeSize(), large.treeSize()),
                small.rootHash(),
                large.rootHash()))
        .isInstanceOf(ProofResult.Verified.class);
  }

  @Test
  void rewriteThatRecomputedEveryHash_passesTheChainButNotTheCheckpoint() {
    installed();
    CheckpointService service = checkpoints();
    service.publish();
    rewriteFrom(7);

    assertThat(store().read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
        .isEqualTo(new VerifyResult.Intact(EVENTS));
    assertBrokenAgainstCheckpoints(service, 1);
  }

  @Test
  void rewriteAfterAnIntactCheckpoint_namesTheFirstEventAfterIt() {
    installed();
    CheckpointService service = checkpoints();
    service.publish();
    for (int i = 0; i < 5; i++) {
      append("later.event");
    }
    service.publish();
    rewriteFrom(EVENTS + 2);

    assertBrokenAgainstCheckpoints(service, EVENTS + 1);
  }

  @Test
  void tailRemovedWithItsHashesRecomputed_checkpointNamesTheFirstMissing() {
    installed();
    CheckpointService service = checkpoints();
    service.publish();
    byte[] chainOf8 = record(8).chainHash();
    tamper("DELETE FROM audit_events WHERE seq > 8");
    tamper("UPDATE audit_head SET last_seq = 8, last_chain = ? WHERE id = 1", chainOf8);

    assertThat(store().read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
        .isEqualTo(new VerifyResult.Intact(8));
    assertBrokenAgainstCheckpoints(service, 9);
  }

  private void assertBrokenAgainstCheckpoints(CheckpointService service, long seq) {
    VerifyResult result =
        store()
            .read(
                (Transaction tx) ->
                    TrailVerifier.verify(
                        tx.audit(),
                        tx.checkpoints(),
                        new CheckpointVerifier(service.verifierKey())));
    assertThat(result).isInstanceOf(VerifyResult.Broken.class);
    VerifyResult.Broken broken = (VerifyResult.Broken) result;
    assertThat(broken.seq()).as(broken.reason()).isEqualTo(seq);
  }

  /** Changes event {@code from} and recomputes every leaf and chain hash after it, and the head. */
  private void rewriteFrom(long from) {
    List<AuditRecord> all = store().read((Transaction tx) -> tx.audit().records(1, 1000));
    byte[] chain = AuditChain.genesis();
    for (AuditRecord r : all) {
      byte[] leaf = r.leaf();
      if (r.seq() == from) {
        leaf =
            new String(leaf, StandardCharsets.UTF_8)
                .replace("\"action\":\"", "\"action\":\"re")
                .getBytes(StandardCharsets.UTF_8);
      }
      byte[] leafHash = AuditChain.leafHash(leaf);
      chain = AuditChain.link(chain, leafHash);
      if (r.seq() >= from) {
        tamper(
            "UPDATE audit_events SET event_json = ?, leaf_hash = ?, chain_hash = ? WHERE seq = ?",
            new String(leaf, StandardCharsets.UTF_8),
            leafHash,
            chain,
            r.seq());
      }
    }
    tamper("UPDATE audit_head SET last_chain = ? WHERE id = 1", chain);
  }
}
