package io.cordon.server.mail;

import io.cordon.sharing.MailTransport;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text UTF-8 mail over SMTP with Jakarta Mail (Eclipse Angus). STARTTLS is used when
 * the server offers it; connect, read and write each time out, so a hung server cannot stall the
 * outbox loop. Thread-safe (each send opens its own connection).
 */
public final class SmtpMailTransport implements MailTransport {
  private final Session session;
  private final InternetAddress from;

  public SmtpMailTransport(String host, int port, String from, Duration timeout) {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.starttls.enable", "true");
    String millis = Long.toString(timeout.toMillis());
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    this.session = Session.getInstance(p);
    try {
      this.from = new InternetAddress(from, true);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("smtp.from is not an e-mail address", e);
    }
  }

  @Override
  public void send(String recipient, String subject, String body) throws Exception {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(from);
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
    m.setSubject(subject, StandardCharsets.UTF_8.name());
    m.setText(body, StandardCharsets.UTF_8.name());
    m.setSentDate(new Date());
    Transport.send(m);
  }
}
