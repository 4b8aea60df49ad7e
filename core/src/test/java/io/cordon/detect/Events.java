package io.cordon.detect;

/** Test events: a user's successful actions at a place, with a running seq. */
final class Events {
  static final long T0 = java.time.Instant.parse("2026-11-02T08:00:00Z").toEpochMilli();
  static final long MIN = 60_000L;
  static final long HOUR = 60 * MIN;
  static final long DAY = 24 * HOUR;

  private long seq;

  Event of(
      long time, String user, String action, String ip, String country, double lat, double lon) {
    return new Event(
        ++seq,
        time,
        user,
        "o-home",
        false,
        "qa",
        action,
        "f-" + seq,
        "w-1",
        "confidential",
        Outcome.SUCCESS,
        ip,
        country,
        lat,
        lon,
        "d-" + user,
        1000,
        0);
  }

  Event download(long time, String user) {
    return of(time, user, "file.download", "198.51.100.7", "DE", 52.52, 13.40);
  }

  /** A download from another device and address than {@link #download} uses. */
  Event downloadFrom(long time, String user, String device, String ip) {
    Event e = of(time, user, "file.download", ip, "DE", 52.52, 13.40);
    return new Event(
        e.seq(),
        e.timeMillis(),
        e.user(),
        e.org(),
        e.partner(),
        e.role(),
        e.action(),
        e.objectId(),
        e.workspace(),
        e.classification(),
        e.outcome(),
        e.ip(),
        e.country(),
        e.lat(),
        e.lon(),
        device,
        e.bytes(),
        e.externalRecipients());
  }

  Event failedLogin(long time, String user, String ip) {
    return new Event(
        ++seq,
        time,
        user,
        null,
        false,
        null,
        "auth.login_failed",
        null,
        null,
        null,
        Outcome.DENIED,
        ip,
        null,
        Double.NaN,
        Double.NaN,
        null,
        -1,
        0);
  }

  Event share(long time, String user, int external) {
    return new Event(
        ++seq,
        time,
        user,
        "o-home",
        false,
        "qa",
        "share.create",
        "f-" + seq,
        "w-1",
        "internal",
        Outcome.SUCCESS,
        "198.51.100.7",
        "DE",
        52.52,
        13.40,
        "d-" + user,
        -1,
        external);
  }

  Event withSeq(Event e, long s) {
    return new Event(
        s,
        e.timeMillis(),
        e.user(),
        e.org(),
        e.partner(),
        e.role(),
        e.action(),
        e.objectId(),
        e.workspace(),
        e.classification(),
        e.outcome(),
        e.ip(),
        e.country(),
        e.lat(),
        e.lon(),
        e.device(),
        e.bytes(),
        e.externalRecipients());
  }
}
