package io.cordon.identity;

import io.cordon.context.OpaqueId;

/** Identifies a recognised device (a browser that holds a device credential). */
public record DeviceId(String value) {
  public DeviceId {
    OpaqueId.check(value, "device");
  }

  public static DeviceId random() {
    return new DeviceId(OpaqueId.next("d"));
  }

  @Override
  public String toString() {
    return value;
  }
}
