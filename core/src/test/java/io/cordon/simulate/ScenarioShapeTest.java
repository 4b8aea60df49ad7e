package io.cordon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each injected scenario looks like the attack it names, and what makes it one is absent from the
 * benign activity around it (docs/simulation.md).
 */
class ScenarioShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<JsonNode> events;
  private static List<JsonNode> scenarios;
  private static Set<Long> labelled;
  private static Map<String, List<JsonNode>> byUser;

  @BeforeAll
  static void simulate() throws IOException {
    SimulatorTest.Output o = SimulatorTest.simulate(SimulationSettings.of(120, 30, 2026));
    events = new ArrayList<>();
    for (String l : o.eventLines()) {
      events.add(JSON.readTree(l));
    }
    List<JsonNode> truth = o.truthLines();
    scenarios = truth.subList(1, truth.size());
    labelled = new HashSet<>();
    scenarios.forEach(s -> s.path("events").forEach(q -> labelled.add(q.asLong())));
    byUser = new HashMap<>();
    for (JsonNode e : events) {
      if (e.path("actor").has("user")) {
        byUser
            .computeIfAbsent(e.path("actor").path("username").asText(), k -> new ArrayList<>())
            .add(e);
      }
    }
  }

  private static List<JsonNode> of(String type) {
    List<JsonNode> list =
        scenarios.stream().filter(s -> s.path("type").asText().equals(type)).toList();
    assertThat(list).as(type).isNotEmpty();
    return list;
  }

  private static List<JsonNode> eventsOf(JsonNode s) {
    List<JsonNode> out = new ArrayList<>();
    s.path("events").forEach(q -> out.add(events.get(q.asInt() - 1)));
    return out;
  }

  private static Instant time(JsonNode n, String field) {
    return Instant.parse(n.path(field).asText());
  }

  /** The user's own (unlabelled) events before a time. */
  private static List<JsonNode> before(String user, Instant t) {
    return byUser.getOrDefault(user, List.of()).stream()
        .filter(e -> !labelled.contains(e.path("seq").asLong()) && time(e, "time").isBefore(t))
        .toList();
  }

  @Test
  void passwordSpraying_oneAddressManyAccountsAllFailed() {
    for (JsonNode s : of("password_spraying")) {
      List<JsonNode> es = eventsOf(s);
      assertThat(es)
          .allSatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("auth.login_failed"));
      assertThat(es.stream().map(e -> e.path("context").path("ip").asText()).distinct()).hasSize(1);
      assertThat(es.stream().map(e -> e.path("actor").path("username").asText()).distinct().count())
          .isGreaterThanOrEqualTo(25);
      assertThat(s.path("ip").asText())
          .isEqualTo(es.getFirst().path("context").path("ip").asText());
    }
  }

  @Test
  void credentialStuffing_manyAddressesMostlyUnknownAccounts() {
    for (JsonNode s : of("credential_stuffing")) {
      List<JsonNode> es = eventsOf(s);
      assertThat(es.stream().map(e -> e.path("context").path("ip").asText()).distinct().count())
          .isGreaterThanOrEqualTo(20);
      long failed =
          es.stream().filter(e -> e.path("action").asText().equals("auth.login_failed")).count();
      assertThat(failed).isGreaterThan(es.size() / 2);
    }
  }

  @Test
  void accountTakeover_fromACountryAndDeviceTheUserNeverUsed() {
    for (JsonNode s : of("account_takeover")) {
      String user = s.path("user").asText();
      List<JsonNode> es = eventsOf(s);
      JsonNode first = es.getFirst();
      List<JsonNode> history = before(user, time(s, "start"));
      assertThat(history).as("the victim was active before").isNotEmpty();
      String country = first.path("context").path("geo").path("country").asText();
      String device = first.path("context").path("device").asText();
      assertThat(history)
          .noneSatisfy(
              h ->
                  assertThat(h.path("context").path("geo").path("country").asText())
                      .isEqualTo(country));
      assertThat(history)
          .noneSatisfy(
              h -> assertThat(h.path("context").path("device").asText()).isEqualTo(device));
      assertThat(es.stream().filter(e -> e.path("action").asText().equals("file.download")).count())
          .isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void impossibleTravel_fasterThanAnAirlinerFromTheUsersLastPlace() {
    for (JsonNode s : of("impossible_travel")) {
      String user = s.path("user").asText();
      JsonNode first = eventsOf(s).getFirst();
      List<JsonNode> history = before(user, time(first, "time"));
      JsonNode last = history.getLast();
      double km = km(last.path("context").path("geo"), first.path("context").path("geo"));
      double hours = Duration.between(time(last, "time"), time(first, "time")).toMillis() / 3.6e6;
      assertThat(km / hours).as("%s km in %s h", km, hours).isGreaterThan(1500);
      assertThat(first.path("context").path("zone").asText()).isNotEqualTo("vpn");
    }
  }

  @Test
  void dormantReactivation_followsTwoWeeksOfSilence() {
    for (JsonNode s : of("dormant_reactivation")) {
      List<JsonNode> history = before(s.path("user").asText(), time(s, "start"));
      assertThat(history).as("active before going quiet").isNotEmpty();
      Duration silence = Duration.between(time(history.getLast(), "time"), time(s, "start"));
      assertThat(silence).isGreaterThanOrEqualTo(Duration.ofDays(14));
    }
  }

  @Test
  void exfiltrationBeforeDeparture_aBurstThenTheUserIsGone() {
    for (JsonNode s : of("exfiltration_before_departure")) {
      List<JsonNode> es = eventsOf(s);
      assertThat(es.stream().filter(e -> e.path("action").asText().equals("file.download")).count())
          .isGreaterThanOrEqualTo(40);
      assertThat(Duration.between(time(s, "start"), time(s, "end")))
          .isLessThan(Duration.ofHours(4));
      Instant gone = time(s, "end").plus(Duration.ofDays(3));
      assertThat(byUser.get(s.path("user").asText()))
          .noneSatisfy(e -> assertThat(time(e, "time")).isAfter(gone));
    }
  }

  @Test
  void lowAndSlow_spreadOverSeveralDays() {
    for (JsonNode s : of("low_and_slow_exfiltration")) {
      assertThat(s.path("bursty").asBoolean()).isFalse();
      assertThat(Duration.between(time(s, "start"), time(s, "end")))
          .isGreaterThan(Duration.ofDays(2));
    }
  }

  @Test
  void massExternalSharing_manySharesToNewGuests() {
    for (JsonNode s : of("mass_external_sharing")) {
      List<JsonNode> shares =
          eventsOf(s).stream()
              .filter(e -> e.path("action").asText().equals("share.create"))
              .toList();
      assertThat(shares).hasSizeGreaterThanOrEqualTo(15);
      assertThat(shares.getFirst().path("details").path("invited")).isNotEmpty();
    }
  }

  @Test
  void partnerOverreach_aPartnerInWorkspacesItNeverUsed() {
    for (JsonNode s : of("partner_overreach")) {
      List<JsonNode> es = eventsOf(s);
      assertThat(es.getFirst().path("actor").path("orgKind").asText()).isEqualTo("partner");
      Set<String> known = new HashSet<>();
      before(s.path("user").asText(), time(s, "start"))
          .forEach(h -> known.add(h.path("object").path("workspace").asText()));
      List<String> touched =
          es.stream()
              .map(e -> e.path("object").path("workspace").asText(""))
              .filter(w -> !w.isEmpty())
              .toList();
      assertThat(touched).isNotEmpty().noneMatch(known::contains);
    }
  }

  @Test
  void benignActivity_neverMovesFasterThanAFlight() {
    Map<String, JsonNode> last = new HashMap<>();
    for (JsonNode e : events) {
      JsonNode c = e.path("context");
      if (!e.path("actor").has("user") || !c.has("geo") || c.path("zone").asText().equals("vpn")) {
        continue;
      }
      JsonNode prev = last.put(e.path("actor").path("user").asText(), e);
      if (prev == null
          || labelled.contains(e.path("seq").asLong())
          || labelled.contains(prev.path("seq").asLong())) {
        continue;
      }
      double km = km(prev.path("context").path("geo"), c.path("geo"));
      double hours =
          Math.max(0.01, Duration.between(time(prev, "time"), time(e, "time")).toMillis() / 3.6e6);
      assertThat(km < 500 || km / hours <= 1000).as("%s after %s", e, prev).isTrue();
    }
  }

  private static double km(JsonNode a, JsonNode b) {
    double p1 = Math.toRadians(a.path("lat").asDouble());
    double p2 = Math.toRadians(b.path("lat").asDouble());
    double dl = Math.toRadians(b.path("lon").asDouble() - a.path("lon").asDouble());
    double h =
        Math.pow(Math.sin((p2 - p1) / 2), 2)
            + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
