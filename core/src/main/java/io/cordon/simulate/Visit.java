package io.cordon.simulate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One sitting of one user from one place: a login (with its second factor), actions spaced like a
 * person's, a logout. Tracks the simulated clock of the sitting and tags every event with the
 * scenario it belongs to (-1 for benign). Not thread-safe.
 */
final class Visit {
  private final Timeline timeline;
  private final SimUser user;
  private final SimEvent.Actor actor;
  private final SimEvent.Access access;
  private final SplittableRandom r;
  private final int scenario;
  private final String session;
  private String auth;
  long now;

  Visit(
      Timeline timeline,
      SimUser user,
      SimEvent.Access access,
      long start,
      int scenario,
      SplittableRandom r) {
    this.timeline = timeline;
    this.user = user;
    this.actor = SimEvent.Actor.of(user);
    this.access = access;
    this.now = start;
    this.scenario = scenario;
    this.r = r;
    this.session = user.integration ? null : Ids.next("s-", r);
    this.auth = user.auth;
  }

  /** A successful sign-in: password (or SSO), then the second factor if the user has one. */
  Visit login() {
    if (user.integration) {
      return this;
    }
    boolean secondFactor = auth.equals("password+totp") || auth.equals("webauthn");
    String first = auth.equals("sso") ? "sso" : "password";
    timeline.add(
        now,
        actor,
        session,
        first,
        "auth.login",
        SimEvent.Target.user(user),
        "success",
        null,
        access,
        Map.of("mfaPending", secondFactor),
        scenario);
    if (secondFactor) {
      pause(4_000, 25_000);
      timeline.add(
          now,
          actor,
          session,
          auth,
          "auth.mfa",
          SimEvent.Target.user(user),
          "success",
          null,
          access,
          Map.of(),
          scenario);
    }
    pause(2_000, 20_000);
    return this;
  }

  /** A mistyped password before the right one. */
  Visit typo() {
    failedLogin(timeline, user.username, SimEvent.Target.user(user), access, now, scenario);
    pause(5_000, 30_000);
    return this;
  }

  /** A file action; downloads and uploads carry their byte counts. */
  Visit act(String action, SimFile file) {
    Map<String, Object> details = Map.of();
    if (action.equals("file.download") || action.equals("file.upload")) {
      long bytes = Math.max(512, (long) (file.typicalBytes() * Math.exp(r.nextGaussian() * 0.3)));
      details = Map.of("bytes", bytes);
    }
    return act(action, file, "success", null, details);
  }

  Visit act(
      String action, SimFile file, String outcome, String reason, Map<String, Object> details) {
    timeline.add(
        now,
        actor,
        session,
        auth,
        action,
        SimEvent.Target.file(file),
        outcome,
        reason,
        access,
        details,
        scenario);
    return this;
  }

  /** Shares a file with recipients (user ids); {@code invited} are new guest accounts. */
  Visit share(SimFile file, List<String> recipients, List<String> invited, String shareId) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("share", shareId);
    details.put("recipients", recipients);
    details.put("invited", invited);
    details.put("viewOnly", r.nextInt(3) == 0);
    details.put("requireMfa", r.nextBoolean());
    return act("share.create", file, "success", null, details);
  }

  void logout() {
    if (session != null) {
      timeline.add(
          now,
          actor,
          session,
          auth,
          "auth.logout",
          SimEvent.Target.user(user),
          "success",
          null,
          access,
          Map.of(),
          scenario);
    }
  }

  /** Time passes: uniformly between the bounds, in milliseconds. */
  Visit pause(long min, long max) {
    now += min + r.nextLong(max - min + 1);
    return this;
  }

  /** A person's think time between actions: mostly seconds to a few minutes. */
  Visit think() {
    now += 5_000 + (long) (-Math.log(1 - r.nextDouble()) * 90_000);
    return this;
  }

  static void failedLogin(
      Timeline timeline,
      String username,
      SimEvent.Target known,
      SimEvent.Access access,
      long time,
      int scenario) {
    timeline.add(
        time,
        SimEvent.Actor.claimed(username),
        null,
        null,
        "auth.login_failed",
        known,
        "denied",
        known == null ? "unknown user" : "bad credentials",
        access,
        null,
        scenario);
  }
}
