package io.cordon.detect.internal;

import io.cordon.detect.Alert;
import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deduplicates and merges: what a detector raises about the same subject within the merge window of
 * its last raise becomes one alert, with the evidence seqs of all of them, the latest numbers and
 * summary, and the time of the first (the event that raised it). A raise at a higher severity ends
 * the open alert and starts a new one at that severity and that event's time, so an alert's time is
 * never earlier than its severity was known. An alert is emitted once its window has passed in
 * event time, or at {@link #flush()}. Bounded by the caller's subjects. Not thread-safe.
 */
public final class AlertMerger implements Raise {
  private static final class Open {
    long first;
    long last;
    String user;
    String ip;
    String detector;
    Severity severity;
    double score;
    String summary;
    Map<String, Object> evidence;
    final List<Long> seqs = new ArrayList<>();
    int raises;
  }

  private final long window;
  private final Consumer<Alert> sink;
  private final Map<String, Open> open = new HashMap<>();
  private final int maxOpen;
  private long emitted;

  public AlertMerger(long windowMillis, int maxOpen, Consumer<Alert> sink) {
    this.window = windowMillis;
    this.maxOpen = maxOpen;
    this.sink = sink;
  }

  @Override
  public void alert(
      Event trigger,
      String user,
      String ip,
      String detector,
      Severity severity,
      double score,
      String summary,
      Map<String, Object> evidence,
      SeqList seqs) {
    String key = (user != null ? user : "ip:" + ip) + '\u0000' + detector;
    long now = trigger.timeMillis();
    Open o = open.get(key);
    if (o != null && (now - o.last > window || severity.compareTo(o.severity) > 0)) {
      emit(open.remove(key));
      Open next = start(now, user, ip, detector, severity);
      next.seqs.addAll(o.seqs);
      o = next;
      open.put(key, o);
    } else if (o == null) {
      if (open.size() >= maxOpen) {
        expire(Long.MAX_VALUE);
      }
      o = start(now, user, ip, detector, severity);
      open.put(key, o);
    }
    o.last = now;
    o.raises++;
    o.score = Math.max(o.score, score);
    o.summary = summary;
    o.evidence = new LinkedHashMap<>(evidence);
    for (Long s : seqs.toList()) {
      if (o.seqs.size() < Alert.MAX_EVENTS && !o.seqs.contains(s)) {
        o.seqs.add(s);
      }
    }
    if (o.ip == null) {
      o.ip = ip;
    }
  }

  private static Open start(long now, String user, String ip, String detector, Severity s) {
    Open o = new Open();
    o.first = now;
    o.user = user;
    o.ip = ip;
    o.detector = detector;
    o.severity = s;
    return o;
  }

  /** Emits the alerts whose merge window ended before {@code now}. */
  public void expire(long now) {
    Iterator<Open> it = open.values().iterator();
    List<Open> done = new ArrayList<>();
    while (it.hasNext()) {
      Open o = it.next();
      if (now == Long.MAX_VALUE || now - o.last > window) {
        done.add(o);
        it.remove();
      }
    }
    done.sort((a, b) -> Long.compare(a.first, b.first));
    done.forEach(this::emit);
  }

  public void flush() {
    expire(Long.MAX_VALUE);
  }

  public long emitted() {
    return emitted;
  }

  private void emit(Open o) {
    Map<String, Object> ev = new LinkedHashMap<>(o.evidence);
    if (o.raises > 1) {
      ev.put("mergedDetections", o.raises);
      ev.put("lastDetection", java.time.Instant.ofEpochMilli(o.last).toString());
    }
    emitted++;
    sink.accept(
        new Alert(o.first, o.user, o.ip, o.detector, o.severity, o.score, o.summary, ev, o.seqs));
  }
}
