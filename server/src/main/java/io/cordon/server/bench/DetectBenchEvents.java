package io.cordon.server.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded stream of audit events in API.md's event format for {@code cordon bench detect}: users
 * of home and partner organisations with home countries, devices and working hours, acting on files
 * in workspaces (sign-ins, failures, views, downloads, uploads, external shares) over simulated
 * days, in time order. Held as one UTF-8 buffer with line offsets so that producing events costs
 * the measured loop nothing. Immutable once built.
 */
final class DetectBenchEvents {
  private static final String[] COUNTRIES = {"DE", "US", "CH", "IE", "IN", "GB", "FR", "JP"};
  private static final double[][] PLACES = {
    {52.52, 13.40}, {40.71, -74.0}, {47.37, 8.54}, {53.35, -6.26},
    {19.08, 72.88}, {51.51, -0.13}, {48.86, 2.35}, {35.68, 139.69}
  };
  private static final String[] ROLES = {"qa", "scientist", "project-manager", "auditor"};
  private static final String[] CLASSES = {"internal", "confidential", "restricted", "public"};

  final byte[] buf;
  final int[] starts;
  final int count;

  DetectBenchEvents(int events, int users, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(events * 520);
    starts = new int[events + 1];
    long t = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    // About 40 events per user per day on average.
    double meanGap = 86_400_000.0 / (users * 40.0);
    StringBuilder sb = new StringBuilder(640);
    for (int i = 0; i < events; i++) {
      t += (long) (-Math.log(1 - r.nextDouble()) * meanGap) + 1;
      int u = (int) Math.min(users - 1, Math.abs(r.nextGaussian()) * users / 3);
      int org = u % 12;
      boolean partner = org >= 4;
      int place = (u * 7 + org) % COUNTRIES.length;
      String action;
      double a = r.nextDouble();
      String outcome = "success";
      if (a < 0.08) {
        action = "auth.login";
      } else if (a < 0.09) {
        action = "auth.login_failed";
        outcome = "denied";
      } else if (a < 0.45) {
        action = "file.download";
      } else if (a < 0.75) {
        action = "file.view";
      } else if (a < 0.95) {
        action = "file.upload";
      } else {
        action = "share.create";
      }
      int ws = (org * 5 + r.nextInt(5)) % 60;
      int file = ws * 1000 + r.nextInt(1000);
      sb.setLength(0);
      sb.append("{\"seq\":").append(i + 1).append(",\"time\":\"");
      sb.append(Instant.ofEpochMilli(t));
      if (t % 1000 == 0) {
        sb.setLength(sb.length() - 1);
        sb.append(".000Z");
      }
      sb.append("\",\"actor\":{\"user\":\"u-").append(u);
      sb.append("\",\"username\":\"user").append(u).append("@org").append(org).append(".example\"");
      sb.append(",\"org\":\"o-").append(org).append("\",\"orgKind\":\"");
      sb.append(partner ? "partner" : "home").append("\",\"roles\":[\"");
      sb.append(ROLES[u % ROLES.length]).append("\"],\"session\":\"s-").append(u);
      sb.append("\",\"auth\":\"password+totp\"},\"action\":\"").append(action).append('"');
      if (action.startsWith("file") || action.startsWith("share")) {
        sb.append(",\"object\":{\"type\":\"file\",\"id\":\"f-").append(file);
        sb.append("\",\"name\":\"batch-record-").append(file).append(".pdf\",\"workspace\":\"w-");
        sb.append(ws).append("\",\"classification\":\"").append(CLASSES[file % 4]);
        sb.append("\",\"dataTypes\":[\"GXP\"]}");
      }
      sb.append(",\"outcome\":\"").append(outcome).append('"');
      sb.append(",\"context\":{\"channel\":\"web\",\"ip\":\"198.51.");
      sb.append(u % 250).append('.').append(1 + u % 200).append("\",\"zone\":\"internet\"");
      sb.append(",\"geo\":{\"country\":\"").append(COUNTRIES[place]).append("\",\"city\":\"c\"");
      sb.append(
          String.format(
              Locale.ROOT, ",\"lat\":%.2f,\"lon\":%.2f}", PLACES[place][0], PLACES[place][1]));
      sb.append(",\"device\":\"d-").append(u).append("\",\"userAgent\":\"Mozilla/5.0\"}");
      if (action.equals("file.download") || action.equals("file.upload")) {
        sb.append(",\"details\":{\"bytes\":").append(10_000 + r.nextInt(5_000_000)).append('}');
      } else if (action.equals("share.create")) {
        sb.append(",\"details\":{\"recipients\":[\"qa@sponsor").append(r.nextInt(3));
        sb.append(".example\"]}");
      }
      sb.append("}\n");
      starts[i] = out.size();
      byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
      out.write(line, 0, line.length);
    }
    starts[events] = out.size();
    buf = out.toByteArray();
    count = events;
  }

  long bytes() {
    return buf.length;
  }
}
