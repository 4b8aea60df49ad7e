package io.cordon.simulate;

import java.time.Duration;
import java.util.Locale;

/**
 * The labelled attack scenarios the simulator injects. {@code bursty} scenarios happen within an
 * hour or two and are expected to be caught within minutes; the others unfold over days. {@code
 * grace} is how long after a scenario's last event an alert still counts as detecting it.
 */
public enum ScenarioType {
  EXFILTRATION_BEFORE_DEPARTURE("exfiltration_before_departure", true),
  ACCOUNT_TAKEOVER("account_takeover", true),
  IMPOSSIBLE_TRAVEL("impossible_travel", true),
  PASSWORD_SPRAYING("password_spraying", true),
  CREDENTIAL_STUFFING("credential_stuffing", true),
  MASS_EXTERNAL_SHARING("mass_external_sharing", true),
  LOW_AND_SLOW_EXFILTRATION("low_and_slow_exfiltration", false),
  PARTNER_OVERREACH("partner_overreach", true),
  DORMANT_REACTIVATION("dormant_reactivation", true);

  private final String code;
  private final boolean bursty;

  ScenarioType(String code, boolean bursty) {
    this.code = code;
    this.bursty = bursty;
  }

  /** The stable name used in truth files, reports and options. */
  public String code() {
    return code;
  }

  public boolean isBursty() {
    return bursty;
  }

  /** How long after the scenario's last event an alert still counts as detecting it. */
  public Duration defaultGrace() {
    return bursty ? Duration.ofHours(1) : Duration.ofHours(24);
  }

  public static ScenarioType fromCode(String code) {
    String wanted = code.toLowerCase(Locale.ROOT).replace('-', '_');
    for (ScenarioType t : values()) {
      if (t.code.equals(wanted)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown scenario type '" + code + "'");
  }
}
