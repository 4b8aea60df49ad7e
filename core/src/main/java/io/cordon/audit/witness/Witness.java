package io.cordon.audit.witness;

import io.cordon.audit.checkpoint.CosignerKey;
import java.net.URI;

/**
 * A witness this installation submits its checkpoints to: its cosigner key (which names it) and its
 * submission prefix, to which {@code /add-checkpoint} is appended (c2sp.org/tlog-witness).
 */
public record Witness(CosignerKey key, URI submissionPrefix) {
  public Witness {
    if (key == null || submissionPrefix == null) {
      throw new IllegalArgumentException("a witness needs a key and a URL");
    }
  }

  public String name() {
    return key.name();
  }
}
