package io.cordon.sharing;

import io.cordon.content.Classification;
import java.time.Instant;
import java.util.Optional;

/**
 * The texts of Cordon's e-mail. They never carry content, and never the name of a confidential or
 * restricted file: the recipient logs in to see what it is. The only secret a mail may carry is a
 * single-use invitation link. Stateless.
 */
public final class Mails {
  public static final String INVITATION = "invitation";
  public static final String SHARE = "share";
  public static final String UPLOAD_REQUEST = "upload-request";
  public static final String STEP_UP_ENROLMENT = "step-up-enrolment";
  public static final String FIRST_ACCESS = "first-access";
  public static final String ACCESS_NOTICE = "access-notice";

  private static final String SIGNATURE = "\n\n-- \nCordon\n";

  private Mails() {}

  /** A file's name only when its classification lets it travel in e-mail. */
  public static Optional<String> nameIfShareable(String name, Classification c) {
    return c == Classification.PUBLIC || c == Classification.INTERNAL
        ? Optional.of(name)
        : Optional.empty();
  }

  public static OutboxMail invitation(String to, String link, Instant expires, Instant now) {
    return OutboxMail.of(
        to,
        "You are invited to Cordon",
        "You have been invited to Cordon, a secure file exchange.\n\n"
            + "Set your password here (the link works once, until "
            + expires
            + "):\n"
            + link
            + "\n\nIf you did not expect this, ignore this message."
            + SIGNATURE,
        INVITATION,
        now);
  }

  public static OutboxMail shared(String to, Optional<String> fileName, String link, Instant now) {
    return OutboxMail.of(
        to,
        "A file was shared with you",
        fileName
                .map(n -> "The file \"" + n + "\" was shared with you.")
                .orElse("A file was shared with you.")
            + "\n\nLog in to see it:\n"
            + link
            + SIGNATURE,
        SHARE,
        now);
  }

  public static OutboxMail uploadRequest(String to, Instant due, String link, Instant now) {
    return OutboxMail.of(
        to,
        "You are asked to upload files",
        "You are asked to upload files to Cordon by "
            + due
            + ".\n\nLog in to upload:\n"
            + link
            + SIGNATURE,
        UPLOAD_REQUEST,
        now);
  }

  /** For the MFA capability: asks a user to enrol a second factor before they are required to. */
  public static OutboxMail stepUpEnrolment(String to, String link, Instant now) {
    return OutboxMail.of(
        to,
        "Set up a second factor for Cordon",
        "Some files in Cordon need a second factor (an authenticator app or a passkey).\n\n"
            + "Log in and set one up:\n"
            + link
            + SIGNATURE,
        STEP_UP_ENROLMENT,
        now);
  }

  public static OutboxMail firstAccess(
      String to, String recipient, Optional<String> fileName, String link, Instant at) {
    return OutboxMail.of(
        to,
        "A recipient opened a file you shared",
        recipient
            + " first opened "
            + fileName.map(n -> "\"" + n + "\"").orElse("a file you shared")
            + " at "
            + at
            + ".\n\nThe file's activity shows every access:\n"
            + link
            + SIGNATURE,
        FIRST_ACCESS,
        at);
  }

  /** The owner's notice of one access, for a policy's {@code notify-owner} obligation. */
  public static OutboxMail accessNotice(
      String to, String who, String action, Optional<String> fileName, String link, Instant at) {
    return OutboxMail.of(
        to,
        "Someone was granted access to your file",
        who
            + " was granted "
            + action
            + " access to "
            + fileName.map(n -> "\"" + n + "\"").orElse("a file you own")
            + " at "
            + at
            + ", under a policy that asks for you to be told.\n\nThe file's activity shows every"
            + " access:\n"
            + link
            + SIGNATURE,
        ACCESS_NOTICE,
        at);
  }
}
