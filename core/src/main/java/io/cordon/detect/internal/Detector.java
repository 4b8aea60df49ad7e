package io.cordon.detect.internal;

import io.cordon.detect.Event;

/**
 * One detector: sees each accepted event of a user (after the profile's counters for it are
 * updated, but before its first-seen sets are) and, optionally, each closed user-hour.
 */
public interface Detector {
  void observe(Event e, UserProfile u, PeerGroup peer, Raise out);

  /** A user-hour has closed; {@code trigger} is the event whose time closed it. */
  default void hourClosed(UserProfile u, PeerGroup peer, Event trigger, Raise out) {}
}
