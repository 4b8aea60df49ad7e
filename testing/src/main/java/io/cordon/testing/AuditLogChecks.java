package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.identity.Organisation;
import io.cordon.storage.Transaction;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: sequence numbers 1, 2, 3… without gaps, committed with the change they describe.
 * Counts are relative to the trail's head when the test starts, as other tests may share it.
 */
abstract class AuditLogChecks extends FileChecks {
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
