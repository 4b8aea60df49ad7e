package io.cordon.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: registered devices, looked up by the hash of their credential. */
public interface Devices {
  void insert(DeviceRecord device);

  Optional<DeviceRecord> find(DeviceId id);

  Optional<DeviceRecord> findBySecretHash(String secretHash);

  /** The user's devices, newest first, revoked ones included. */
  List<DeviceRecord> listByUser(UserId user);

  /** Records the last use of a device. */
  void touch(DeviceId id, Instant at);

  /**
   * Marks a device revoked.
   *
   * @return false when it does not exist or was already revoked
   */
  boolean revoke(DeviceId id, Instant at);
}
