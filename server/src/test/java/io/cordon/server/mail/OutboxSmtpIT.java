package io.cordon.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.cordon.sharing.MailSeal;
import io.cordon.sharing.Mails;
import io.cordon.sharing.OutboxMail;
import io.cordon.sharing.OutboxSender;
import io.cordon.storage.MetadataStore;
import io.cordon.store.sql.SqliteMetadataStore;
import io.cordon.testing.AdjustableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox against a real SMTP server (GreenMail): mail written in a transaction is delivered by
 * the sender loop; with the server down it stays, is retried after its back-off and then delivered;
 * without SMTP configured nothing is lost.
 */
class OutboxSmtpIT {
  @TempDir Path dir;
  private MetadataStore store;
  private GreenMail smtp;
  private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final Aead key = testKey();
  private final MailSeal seal = new MailSeal(() -> key);

  /** A fresh AES-256-GCM key (Tink) standing in for the installation's system secrets key. */
  private static Aead testKey() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() {
    store = SqliteMetadataStore.open(dir.resolve("outbox.db"));
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
    store.close();
  }

  private SmtpMailTransport transport(int port) {
    return new SmtpMailTransport("127.0.0.1", port, "cordon@home.example", Duration.ofSeconds(5));
  }

  private OutboxMail enqueue(OutboxMail mail) {
    store.inTransaction(
        tx -> {
          seal.enqueue(tx, mail);
          return null;
        });
    return mail;
  }

  @Test
  void tick_liveServer_deliversUtf8MailAndMarksItSent() throws Exception {
    OutboxMail mail =
        enqueue(
            Mails.shared(
                "lab@guest.example", Optional.of("Prüfbericht.txt"), "https://x", clock.instant()));

    int sent =
        new OutboxSender(store, Optional.of(transport(smtp.getSmtp().getPort())), seal, clock)
            .tick();

    assertThat(sent).isEqualTo(1);
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("lab@guest.example");
    assertThat(got[0].getSubject()).isEqualTo("A file was shared with you");
    assertThat(GreenMailUtil.getBody(got[0])).isNotEmpty();
    assertThat(got[0].getContent().toString()).contains("Prüfbericht.txt");
    assertThat(store.read(tx -> tx.outbox().find(mail.id())).orElseThrow().sent()).isPresent();
  }

  @Test
  void tick_deadServer_keepsMail_retriesAfterBackoff() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    OutboxMail mail =
        enqueue(
            Mails.invitation(
                "new@guest.example",
                "https://x/invitation?token=t",
                clock.instant(),
                clock.instant()));

    assertThat(new OutboxSender(store, Optional.of(transport(dead)), seal, clock).tick()).isZero();
    OutboxMail failed = store.read(tx -> tx.outbox().find(mail.id())).orElseThrow();
    assertThat(failed.sent()).isEmpty();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.body())
        .as("the token never lies in clear")
        .startsWith("sealed:")
        .doesNotContain("token=");
    assertThat(failed.nextAttempt()).isAfter(clock.instant());

    OutboxSender live =
        new OutboxSender(store, Optional.of(transport(smtp.getSmtp().getPort())), seal, clock);
    assertThat(live.tick()).as("not due before its back-off").isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(live.tick()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getContent().toString()).contains("token=t");
  }

  @Test
  void tick_noSmtpConfigured_leavesMailInTheOutbox() {
    OutboxMail mail =
        enqueue(Mails.stepUpEnrolment("qa@home.example", "https://x", clock.instant()));

    assertThat(new OutboxSender(store, Optional.empty(), seal, clock).tick()).isZero();
    assertThat(store.read(tx -> tx.outbox().find(mail.id())).orElseThrow().sent()).isEmpty();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
