package io.cordon.server.config;

import io.cordon.context.CordonException;
import java.time.Duration;

/** The range checks that the configuration records share; each failure names its key. */
final class ConfigRules {
  private ConfigRules() {}

  static CordonException.InvalidInput invalid(ConfigKey key, String detail) {
    return new CordonException.InvalidInput(key.name() + ": " + detail);
  }

  static int portNumber(ConfigKey key, int port) {
    if (port < 1 || port > 65535) {
      throw invalid(key, "expected a port number (1..65535), got " + port);
    }
    return port;
  }

  static int between(ConfigKey key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, "expected a whole number from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  static Duration positive(ConfigKey key, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw invalid(key, "expected a duration longer than zero, got " + duration);
    }
    return duration;
  }
}
