package io.cordon.audit.signature;

import io.cordon.content.FileId;
import java.util.List;
import java.util.Optional;

/**
 * Port: stored signature records. Append-only by design: there is no update and no delete, so no
 * code path can move or remove a signature (21 CFR 11.70); what a database administrator does
 * behind Cordon's back is caught by {@link SignatureKey#check}.
 */
public interface Signatures {
  /**
   * @throws io.cordon.context.CordonException.Conflict if a record with this id exists
   */
  void insert(SignatureRecord record);

  Optional<SignatureRecord> find(SignatureId id);

  /** The records naming this file, every version, oldest first. */
  List<SignatureRecord> forFile(FileId file);

  /** Up to {@code limit} records with ids after {@code afterId} (empty: from the start), by id. */
  List<SignatureRecord> page(Optional<SignatureId> afterId, int limit);
}
