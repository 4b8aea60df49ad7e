package io.cordon.simulate;

import java.util.List;
import java.util.Map;

/**
 * One simulated event before its sequence number is known. {@code order} breaks ties between equal
 * times in the order events were generated, so the output is the same on every run. {@code
 * scenario} is the index of the injected scenario it belongs to, or -1 for benign activity.
 */
record SimEvent(
    long time,
    long order,
    Actor actor,
    String session,
    String auth,
    String action,
    Target object,
    String outcome,
    String reason,
    Access context,
    Map<String, Object> details,
    int scenario) {

  /** Who acted; for a failed login of an unknown account only {@code username} is set. */
  record Actor(String user, String username, String org, String orgKind, List<String> roles) {
    static Actor claimed(String username) {
      return new Actor(null, username, null, null, List.of());
    }

    static Actor of(SimUser u) {
      return new Actor(u.id, u.username, u.org.id(), u.org.kind(), u.roles);
    }
  }

  /** What was acted on. */
  record Target(
      String type,
      String id,
      String name,
      String workspace,
      String classification,
      List<String> dataTypes) {
    static Target file(SimFile f) {
      return new Target("file", f.id(), f.name(), f.workspace(), f.classification(), f.dataTypes());
    }

    static Target user(SimUser u) {
      return new Target("user", u.id, u.username, null, null, List.of());
    }
  }

  /** Where and how the request came in. */
  record Access(
      String channel, String ip, String zone, City geo, String device, String userAgent) {}
}
