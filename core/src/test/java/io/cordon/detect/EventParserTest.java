package io.cordon.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventParserTest {
  private final EventParser parser = new EventParser();

  @Test
  void parse_apiExample_readsTheFieldsTheDetectorsUse() {
    String line =
        "{\"seq\": 42, \"time\": \"2026-11-22T18:00:00.123Z\", \"actor\": {\"user\": \"u-1\","
            + " \"username\": \"qa@cdmo.example\", \"org\": \"o-1\", \"orgKind\": \"partner\","
            + " \"roles\": [\"qa\", \"viewer\"], \"session\": \"s\", \"auth\": \"password\"},"
            + " \"action\": \"file.download\", \"object\": {\"type\": \"file\", \"id\": \"f-1\","
            + " \"name\": \"n\", \"workspace\": \"w-1\", \"classification\": \"restricted\","
            + " \"dataTypes\": [\"PHI\"]}, \"outcome\": \"success\", \"reason\": \"r\","
            + " \"context\": {\"channel\": \"web\", \"ip\": \"203.0.113.7\", \"zone\": \"z\","
            + " \"geo\": {\"country\": \"DE\", \"city\": \"Berlin\", \"lat\": 52.5, \"lon\": 13.4},"
            + " \"device\": \"d-1\", \"userAgent\": \"ua\"}, \"details\": {\"bytes\": 1048576}}";
    Event e = parser.parse(line).event();
    assertThat(e).isNotNull();
    assertThat(e.seq()).isEqualTo(42);
    assertThat(e.timeMillis())
        .isEqualTo(java.time.Instant.parse("2026-11-22T18:00:00.123Z").toEpochMilli());
    assertThat(e.user()).isEqualTo("qa@cdmo.example");
    assertThat(e.partner()).isTrue();
    assertThat(e.role()).isEqualTo("qa");
    assertThat(e.workspace()).isEqualTo("w-1");
    assertThat(e.isSensitive()).isTrue();
    assertThat(e.isDownload()).isTrue();
    assertThat(e.ip()).isEqualTo("203.0.113.7");
    assertThat(e.country()).isEqualTo("DE");
    assertThat(e.lat()).isEqualTo(52.5);
    assertThat(e.device()).isEqualTo("d-1");
    assertThat(e.bytes()).isEqualTo(1048576);
  }

  @Test
  void parse_otherOffsetAndPrecision_sameInstant() {
    Event e =
        parser
            .parse(
                "{\"time\":\"2026-11-22T19:00:00.5+01:00\",\"action\":\"auth.login\","
                    + "\"context\":{\"ip\":\"192.0.2.1\"}}")
            .event();
    assertThat(e.timeMillis())
        .isEqualTo(java.time.Instant.parse("2026-11-22T18:00:00.500Z").toEpochMilli());
    assertThat(e.user()).isNull();
    assertThat(e.seq()).isEqualTo(-1);
  }

  @Test
  void parse_shareRecipients_countsOnlyOtherDomains() {
    Event e =
        parser
            .parse(
                "{\"time\":\"2026-11-22T18:00:00.000Z\",\"action\":\"share.create\","
                    + "\"actor\":{\"username\":\"pm@cdmo.example\"},\"details\":{\"recipients\":"
                    + "[\"a@cdmo.example\",\"b@sponsor.example\",\"c@cro.example\"]}}")
            .event();
    assertThat(e.externalRecipients()).isEqualTo(2);
  }

  @Test
  void parse_hostileLines_rejectedWithAReason() {
    assertThat(parser.parse("").rejection()).isEqualTo(Rejection.MALFORMED);
    assertThat(parser.parse("[1,2]").rejection()).isEqualTo(Rejection.MALFORMED);
    assertThat(parser.parse("{\"time\":\"2026-11-22T18:00:00.000Z\",\"action\":").rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(parser.parse("{\"time\":\"yesterday\",\"action\":\"a\"}").rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(parser.parse("{\"time\":\"2026-02-30T18:00:00.000Z\",\"action\":\"a\"}").rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(parser.parse("{\"seq\":\"x\",\"time\":\"2026-11-22T18:00:00.000Z\"}").rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(parser.parse("{\"time\":\"2026-11-22T18:00:00.000Z\",\"action\":\"a\"}").rejection())
        .isEqualTo(Rejection.MISSING_FIELD);
    assertThat(parser.parse("{\"action\":\"a\",\"actor\":{\"username\":\"x\"}}").rejection())
        .isEqualTo(Rejection.MISSING_FIELD);
    assertThat(parser.parse("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(
            parser.parse("{\"x\":\"" + "a".repeat(EventParser.MAX_LINE_CHARS) + "\"}").rejection())
        .isEqualTo(Rejection.OVERSIZE);
  }

  @Test
  void parse_afterARejectedLine_nextLineIsClean() {
    parser.parse(
        "{\"seq\":9,\"time\":\"2026-11-22T18:00:00.000Z\",\"action\":\"a\","
            + "\"context\":{\"ip\":\"192.0.2.1\",\"geo\":{\"lat\":1,\"lon\":2}}");
    Event e =
        parser
            .parse(
                "{\"time\":\"2026-11-22T18:00:00.000Z\",\"action\":\"b\",\"actor\":{\"username\":\"u\"}}")
            .event();
    assertThat(e.seq()).isEqualTo(-1);
    assertThat(e.ip()).isNull();
    assertThat(e.hasGeo()).isFalse();
  }
}
