package io.cordon.server.web;

import io.cordon.context.NetworkSignals;
import io.cordon.identity.DeviceService;
import io.cordon.identity.SessionRisk;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the HTTP channel gets the context of each request besides its credential: the network
 * (client address through trusted proxies, zone, location), the session's risk score, and device
 * recognition with the lifetime of the device cookie. Immutable; its parts are thread-safe.
 */
public record ContextSources(
    NetworkSignals network,
    SessionRisk risk,
    DeviceService devices,
    Duration deviceCookieLifetime) {
  public ContextSources {
    Objects.requireNonNull(network);
    Objects.requireNonNull(risk);
    Objects.requireNonNull(devices);
    Objects.requireNonNull(deviceCookieLifetime);
  }
}
