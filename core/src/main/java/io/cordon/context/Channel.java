package io.cordon.context;

/** The door a request came through; recorded in every audit event as {@code context.channel}. */
public enum Channel {
  WEB("web"),
  API("api"),
  SFTP("sftp"),
  CLI("cli"),
  EMAIL("email"),
  SYSTEM("system");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  /** The stable code used in events and configuration. */
  public String code() {
    return code;
  }
}
