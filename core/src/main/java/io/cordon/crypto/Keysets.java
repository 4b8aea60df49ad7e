package io.cordon.crypto;

import java.util.Optional;

/** Port: stored wrapped keysets. */
public interface Keysets {
  void insert(KeysetRecord keyset);

  Optional<KeysetRecord> find(KeysetId id);

  /** Replaces wrapped, primaryKeyId, status and rotated of the keyset with this id. */
  void update(KeysetRecord keyset);
}
