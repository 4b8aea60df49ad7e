package io.cordon.sharing;

/** Port: hands one plain-text e-mail to a mail server. Thread-safe. */
public interface MailTransport {
  /**
   * @throws Exception if the server did not accept it (the outbox tries again later)
   */
  void send(String recipient, String subject, String body) throws Exception;
}
