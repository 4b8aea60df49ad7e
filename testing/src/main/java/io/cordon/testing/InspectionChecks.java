package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.Classification;
import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import io.cordon.identity.Baa;
import io.cordon.inspect.InspectionState;
import io.cordon.inspect.Inspections.VersionKey;
import io.cordon.inspect.Verdict;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Inspection records and organisations' BAAs: a pending record round-trips, a claim takes a pending
 * version once until its lease lapses, a verdict replaces the record (counts, reasons, label), and
 * a BAA is stored with its effective time.
 */
abstract class InspectionChecks extends SharingChecks {
  private VersionKey storedVersion() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    return writeAndGet(
        tx -> {
          StoredFile f =
              tx.files()
                  .findOrCreate(
                      Samples.file(seed.workspace().id(), seed.user().id(), Samples.unique("f")));
          FileVersion v = tx.files().appendVersion(Samples.version(f.id(), seed.user().id()));
          VersionKey key = new VersionKey(f.id(), v.number());
          tx.inspections()
              .insert(key, Verdict.pending(Classification.INTERNAL, List.of(), Samples.now()));
          return key;
        });
  }

  @Test
  void inspections_insertPending_findsIt_andCountsItPending() {
    VersionKey key = storedVersion();

    Verdict v = read((Transaction tx) -> tx.inspections().find(key)).orElseThrow();
    assertThat(v.state()).isEqualTo(InspectionState.PENDING);
    assertThat(v.classification()).isEqualTo(Classification.INTERNAL);
    assertThat(v.counts()).isEmpty();
    assertThat(v.attempts()).isZero();
    assertThat(this.<Long>read(tx -> tx.inspections().countPending())).isPositive();
  }

  @Test
  void inspections_claim_takesAPendingVersionOnce_untilItsLeaseLapses() {
    VersionKey key = storedVersion();
    Instant now = Instant.now();
    Instant lease = now.plusSeconds(300);

    List<VersionKey> first = writeAndGet(tx -> tx.inspections().claimPending(now, lease, 100_000));
    List<VersionKey> again =
        writeAndGet(tx -> tx.inspections().claimPending(now.plusSeconds(1), lease, 100_000));
    List<VersionKey> afterLease =
        writeAndGet(
            tx ->
                tx.inspections()
                    .claimPending(lease.plusSeconds(1), lease.plusSeconds(600), 100_000));

    assertThat(first).contains(key);
    assertThat(again).doesNotContain(key);
    assertThat(afterLease).as("a lapsed lease is claimed again (a killed worker)").contains(key);
    assertThat(read((Transaction tx) -> tx.inspections().find(key)).orElseThrow().attempts())
        .isEqualTo(2);
  }

  @Test
  void inspections_update_replacesTheVerdict_andAVerdictIsNeverClaimed() {
    VersionKey key = storedVersion();
    Verdict flagged =
        new Verdict(
            InspectionState.FLAGGED,
            Classification.RESTRICTED,
            List.of("PII", "PHI"),
            Map.of("US_SSN", 2L, "MEDICAL_RECORD_NUMBER", 1L),
            Optional.of("text/plain"),
            Optional.empty(),
            Optional.empty(),
            1,
            Samples.now());
    write(tx -> tx.inspections().update(key, flagged));

    Verdict stored = read((Transaction tx) -> tx.inspections().find(key)).orElseThrow();
    assertThat(stored).isEqualTo(flagged);
    assertThat(stored.dataTypes()).containsExactly("PHI", "PII");
    assertThat(
            this.<List<VersionKey>>writeAndGet(
                tx ->
                    tx.inspections()
                        .claimPending(Instant.now().plusSeconds(86_400), Instant.MAX, 100_000)))
        .doesNotContain(key);

    Verdict infected =
        new Verdict(
            InspectionState.INFECTED,
            Classification.RESTRICTED,
            List.of(),
            Map.of(),
            Optional.of("application/octet-stream"),
            Optional.of("the malware scanner found Eicar-Test-Signature"),
            Optional.of("Eicar-Test-Signature"),
            1,
            Samples.now());
    write(tx -> tx.inspections().update(key, infected));
    assertThat(read((Transaction tx) -> tx.inspections().find(key))).contains(infected);
  }

  @Test
  void organisations_baa_isNoneUntilSet_thenStoredWithItsEffectiveTime() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    assertThat(read((Transaction tx) -> tx.organisations().baa(seed.org().id())))
        .isEqualTo(Baa.NONE);

    Baa signed = new Baa(true, Optional.of(Instant.parse("2026-11-01T00:00:00Z")));
    assertThat(this.<Boolean>writeAndGet(tx -> tx.organisations().setBaa(seed.org().id(), signed)))
        .isTrue();
    assertThat(read((Transaction tx) -> tx.organisations().baa(seed.org().id()))).isEqualTo(signed);
    assertThat(signed.isInForce(Instant.parse("2026-10-31T23:59:59Z"))).isFalse();
    assertThat(signed.isInForce(Instant.parse("2026-11-01T00:00:00Z"))).isTrue();

    write(tx -> tx.organisations().setBaa(seed.org().id(), Baa.NONE));
    assertThat(read((Transaction tx) -> tx.organisations().baa(seed.org().id())))
        .isEqualTo(Baa.NONE);
  }
}
