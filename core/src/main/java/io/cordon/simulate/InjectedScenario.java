package io.cordon.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One injected scenario as it is written to the truth file: who and which addresses it is about,
 * the accounts it targeted, and the sequence numbers and time span of its events once written. Not
 * thread-safe.
 */
final class InjectedScenario {
  final int index;
  final ScenarioType type;
  final String user;
  final TreeSet<String> users = new TreeSet<>();
  final TreeSet<String> ips = new TreeSet<>();
  final TreeSet<String> targets = new TreeSet<>();
  final Map<String, Object> notes = new TreeMap<>();
  final List<Long> seqs = new ArrayList<>();
  long start = Long.MAX_VALUE;
  long end = Long.MIN_VALUE;

  /** Planned when the scenario is scheduled: its days, its actor and the attacker's place. */
  final SimUser victim;

  int firstDay;
  int lastDay;
  City city;

  InjectedScenario(int index, ScenarioType type, SimUser victim, int firstDay, int lastDay) {
    this.index = index;
    this.type = type;
    this.victim = victim;
    this.user = victim == null ? null : victim.username;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    if (user != null) {
      users.add(user);
    }
  }

  void written(long seq, long time) {
    seqs.add(seq);
    start = Math.min(start, time);
    end = Math.max(end, time);
  }

  String id() {
    return String.format(java.util.Locale.ROOT, "sc-%04d", index + 1);
  }
}
