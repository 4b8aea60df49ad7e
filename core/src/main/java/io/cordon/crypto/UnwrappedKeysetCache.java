package io.cordon.crypto;

import com.google.crypto.tink.Aead;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of unwrapped keysets, keyed by keyset id and primary key id so
 * that a rotated keyset is never served from its pre-rotation entry. Unwrapping goes through the
 * key vault (possibly an HSM), so hits matter; the bound keeps key material in memory limited.
 * Thread-safe.
 */
final class UnwrappedKeysetCache {
  private record Key(KeysetId id, long primaryKeyId) {}

  private final Map<Key, Aead> entries;

  UnwrappedKeysetCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Aead> eldest) {
            return size() > capacity;
          }
        };
  }

  Aead get(KeysetRecord keyset, Supplier<Aead> unwrap) {
    Key key = new Key(keyset.id(), keyset.primaryKeyId());
    synchronized (entries) {
      Aead cached = entries.get(key);
      if (cached != null && keyset.status() == KeysetStatus.ENABLED) {
        return cached;
      }
    }
    Aead aead = unwrap.get();
    synchronized (entries) {
      entries.put(key, aead);
    }
    return aead;
  }

  void evict(KeysetId id) {
    synchronized (entries) {
      entries.keySet().removeIf(k -> k.id().equals(id));
    }
  }
}
