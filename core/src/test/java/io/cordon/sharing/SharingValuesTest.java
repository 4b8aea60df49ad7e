package io.cordon.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.cordon.content.Classification;
import io.cordon.context.CordonException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The values and small rules of sharing, without I/O. */
class SharingValuesTest {
  @Test
  void shareRequest_recipients_areTrimmedLowerCasedAndDeduplicated() {
    ShareRequest r =
        new ShareRequest(
            List.of(" QA@Sponsor.Example", "qa@sponsor.example", "İlker@x.example"),
            Optional.empty(),
            OptionalInt.empty(),
            false,
            false,
            false);

    // Locale.ROOT: the dotted capital I does not turn into a dotless i under tr_TR.
    assertThat(r.recipients()).containsExactly("qa@sponsor.example", "i̇lker@x.example");
  }

  @Test
  void shareRequest_badInput_isInvalidInputNamingTheField() {
    assertThatThrownBy(
            () -> new ShareRequest(List.of(), Optional.empty(), null, false, false, false))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("recipients");
    assertThatThrownBy(
            () ->
                new ShareRequest(
                    List.of("a@b.example"),
                    Optional.empty(),
                    OptionalInt.of(0),
                    false,
                    false,
                    false))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("maxDownloads");
    List<String> many = IntStream.range(0, 51).mapToObj(i -> "u" + i + "@b.example").toList();
    assertThatThrownBy(() -> new ShareRequest(many, Optional.empty(), null, false, false, false))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("50");
    assertThatThrownBy(
            () ->
                new ShareRequest(
                    Collections.singletonList(null), Optional.empty(), null, false, false, false))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void settings_allows_emptyMeansAny_otherwiseOnlyListedDomains() {
    SharingSettings any =
        new SharingSettings(Set.of(), Duration.ofDays(7), "https://c.example/", 10);
    SharingSettings some =
        new SharingSettings(
            Set.of(" Sponsor.Example "), Duration.ofDays(7), "https://c.example", 10);

    assertThat(any.allows("anything.example")).isTrue();
    assertThat(some.allows("SPONSOR.example")).isTrue();
    assertThat(some.allows("evil.example")).isFalse();
    assertThat(any.linkBase()).isEqualTo("https://c.example");
  }

  @Test
  void watermark_line_namesViewerEmailUtcTimeAndShare() {
    Watermark w =
        new Watermark(
            "Ana Lima",
            "ana@sponsor.example",
            Instant.parse("2026-11-23T23:59:59.900Z"),
            Optional.of(new ShareId("sh_abcdefghjkmnpqrstvwx")));

    assertThat(w.line())
        .isEqualTo(
            "Ana Lima <ana@sponsor.example> 2026-11-23 23:59:59 UTC share sh_abcdefghjkmnpqrstvwx");
    assertThat(new Watermark("A", "a@x", Instant.EPOCH, Optional.empty()).line())
        .endsWith("member view");
  }

  @Test
  void mails_neverNameConfidentialOrRestrictedFiles() {
    assertThat(Mails.nameIfShareable("plan.txt", Classification.INTERNAL)).contains("plan.txt");
    assertThat(Mails.nameIfShareable("plan.txt", Classification.CONFIDENTIAL)).isEmpty();
    assertThat(Mails.nameIfShareable("plan.txt", Classification.RESTRICTED)).isEmpty();
    assertThat(Mails.shared("a@b", Optional.empty(), "https://x", Instant.EPOCH).body())
        .startsWith("A file was shared with you.");
  }

  @Test
  void backoff_doublesFromOneMinute_upToSixHours() {
    assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofMinutes(1));
    assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(8));
    assertThat(OutboxSender.backoff(40)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void mailSeal_roundTrips_andATamperedOrMovedBodyDoesNotOpen() throws Exception {
    AeadConfig.register();
    Aead key =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    MailSeal seal = new MailSeal(() -> key);
    OutboxMail plain =
        Mails.invitation(
            "g@x.example", "https://x/?token=cdn_i_s3cret", Instant.EPOCH, Instant.EPOCH);

    OutboxMail sealed = seal.seal(plain);

    assertThat(sealed.body()).startsWith(MailSeal.PREFIX).doesNotContain("cdn_i_s3cret");
    assertThat(seal.open(sealed)).isEqualTo(plain.body());
    OutboxMail moved =
        new OutboxMail(
            "m_other",
            sealed.recipient(),
            sealed.subject(),
            sealed.body(),
            sealed.kind(),
            sealed.created(),
            0,
            sealed.nextAttempt(),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> seal.open(moved))
        .isInstanceOf(CordonException.IntegrityViolation.class);
  }
}
