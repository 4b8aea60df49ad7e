package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.AuditChain;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.identity.Organisation;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: sequence numbers 1, 2, 3… without gaps, committed with the change they describe.
 * Counts are relative to the trail's head when the test starts, as other tests may share it.
 */
abstract class AuditLogChecks extends FileChecks {
  @Test
  void append_storesExactBytesWithLeafAndChainHashes_linkedToTheHead() {
    long before = read((Transaction tx) -> tx.audit().lastSeq());
    byte[] headBefore = read((Transaction tx) -> tx.audit().headChain());

    AuditEvent first = writeAndGet((Transaction tx) -> tx.audit().append(Samples.event("a.one")));
    AuditEvent second = writeAndGet((Transaction tx) -> tx.audit().append(Samples.event("a.two")));

    List<AuditRecord> records = read((Transaction tx) -> tx.audit().records(before + 1, 10));
    assertThat(records).extracting(AuditRecord::seq).containsExactly(before + 1, before + 2);
    AuditRecord r1 = records.get(0);
    AuditRecord r2 = records.get(1);
    assertThat(new String(r1.leaf(), StandardCharsets.UTF_8))
        .isEqualTo(AuditEventCodec.toJson(first));
    assertThat(r2.event()).isEqualTo(second);
    assertThat(r1.leafHash()).isEqualTo(AuditChain.leafHash(r1.leaf()));
    assertThat(r1.chainHash()).isEqualTo(AuditChain.link(headBefore, r1.leafHash()));
    assertThat(r2.chainHash()).isEqualTo(AuditChain.link(r1.chainHash(), r2.leafHash()));
    assertThat(read((Transaction tx) -> tx.audit().headChain())).isEqualTo(r2.chainHash());
  }

  @Test
  void emptyOrGrowingTrail_verifiesIntact() {
    writeAndGet((Transaction tx) -> tx.audit().append(Samples.event("a.verify")));
    long last = read((Transaction tx) -> tx.audit().lastSeq());

    assertThat(read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
        .isEqualTo(new VerifyResult.Intact(last));
  }

  @Test
  void append_assignsNextSeq_andListReturnsTheSameEvent() {
    long before = read((Transaction tx) -> tx.audit().lastSeq());
    AuditEvent event = Samples.event("file.download");

    AuditEvent stored = writeAndGet((Transaction tx) -> tx.audit().append(event));

    assertThat(stored).isEqualTo(event.withSeq(before + 1));
    assertThat(read((Transaction tx) -> tx.audit().lastSeq())).isEqualTo(before + 1);
    assertThat(read((Transaction tx) -> tx.audit().list(before + 1, 10))).containsExactly(stored);
  }

  @Test
  void list_returnsJsonOfTheEventFormat() {
    AuditEvent stored =
        writeAndGet((Transaction tx) -> tx.audit().append(Samples.event("user.login")));

    AuditEvent listed = read((Transaction tx) -> tx.audit().list(stored.seq(), 1)).get(0);

    assertThat(AuditEventCodec.toJson(listed)).isEqualTo(AuditEventCodec.toJson(stored));
    assertThat(AuditEventCodec.toJson(listed)).startsWith("{\"seq\":" + stored.seq() + ",");
  }

  @Test
  void list_fromAndLimit_returnsThatWindowInOrder() {
    long before = read((Transaction tx) -> tx.audit().lastSeq());
    write(
        tx -> {
          for (int i = 0; i < 5; i++) {
            tx.audit().append(Samples.event("workspace.create"));
          }
        });

    List<AuditEvent> window = read((Transaction tx) -> tx.audit().list(before + 2, 3));

    assertThat(window)
        .extracting(AuditEvent::seq)
        .containsExactly(before + 2, before + 3, before + 4);
    assertThat(read((Transaction tx) -> tx.audit().list(before + 6, 10))).isEmpty();
  }

  @Test
  void append_inRolledBackTransaction_leavesNeitherChangeNorEventNorGap() {
    long before = read((Transaction tx) -> tx.audit().lastSeq());
    Organisation org = Samples.organisation();

    assertThatThrownBy(
            () ->
                write(
                    tx -> {
                      tx.organisations().insert(org);
                      tx.audit().append(Samples.event("organisation.create"));
                      throw new IllegalStateException("fail after auditing");
                    }))
        .hasMessage("fail after auditing");

    assertThat(read((Transaction tx) -> tx.organisations().find(org.id()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.audit().lastSeq())).isEqualTo(before);
    assertThat(read((Transaction tx) -> tx.audit().list(before + 1, 10))).isEmpty();
    AuditEvent next =
        writeAndGet((Transaction tx) -> tx.audit().append(Samples.event("organisation.create")));
    assertThat(next.seq()).isEqualTo(before + 1);
  }

  @Test
  void append_concurrentWriters_gaplessAndUnique() throws Exception {
    int threads = 8;
    int perThread = 50;
    long before = read((Transaction tx) -> tx.audit().lastSeq());

    Concurrently.run(
        threads,
        i -> {
          for (int n = 0; n < perThread; n++) {
            write(tx -> tx.audit().append(Samples.event("file.upload")));
          }
          return null;
        });

    long total = (long) threads * perThread;
    assertThat(read((Transaction tx) -> tx.audit().lastSeq())).isEqualTo(before + total);
    assertThat(read((Transaction tx) -> tx.audit().list(before + 1, (int) total + 10)))
        .extracting(AuditEvent::seq)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(before + 1, before + total).boxed().toList());
  }
}
