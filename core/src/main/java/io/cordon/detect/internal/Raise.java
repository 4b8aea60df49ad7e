package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Map;

/** Where a detector sends what it found; the engine turns it into a (merged) alert. */
@FunctionalInterface
public interface Raise {
  /**
   * @param trigger the event that raised it: its time is the alert's time
   * @param user the subject user, or null for an address alone
   * @param ip the address, or null
   * @param detector stable detector name
   * @param severity severity
   * @param score risk in [0, 1]
   * @param summary plain words with the numbers
   * @param evidence the numbers, in order
   * @param seqs seq numbers of the evidence events
   */
  void alert(
      Event trigger,
      String user,
      String ip,
      String detector,
      Severity severity,
      double score,
      String summary,
      Map<String, Object> evidence,
      SeqList seqs);
}
