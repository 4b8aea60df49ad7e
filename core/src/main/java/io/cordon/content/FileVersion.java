package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a file. {@code versionId} is the random id bound into the encryption
 * (associated data = file id + version id), {@code number} the user-visible 1, 2, 3…
 *
 * @param sha256 lowercase hex SHA-256 of the plaintext, checked again on every download
 * @param blobKey where the ciphertext lives in the blob store
 * @param wrappedDek the version's data keyset, encrypted by the workspace KEK
 */
public record FileVersion(
    FileId file,
    int number,
    String versionId,
    long size,
    String sha256,
    String blobKey,
    byte[] wrappedDek,
    Classification classification,
    List<String> dataTypes,
    UserId createdBy,
    Instant created) {
  public FileVersion {
    if (file == null
        || versionId == null
        || sha256 == null
        || blobKey == null
        || wrappedDek == null
        || classification == null
        || createdBy == null
        || created == null) {
      throw new IllegalArgumentException("incomplete file version");
    }
    if (number < 1 || size < 0) {
      throw new IllegalArgumentException("version number and size out of range");
    }
    wrappedDek = wrappedDek.clone();
    dataTypes = List.copyOf(dataTypes);
  }

  @Override
  public byte[] wrappedDek() {
    return wrappedDek.clone();
  }

  public FileVersion withWrappedDek(byte[] rewrapped) {
    return new FileVersion(
        file,
        number,
        versionId,
        size,
        sha256,
        blobKey,
        rewrapped,
        classification,
        dataTypes,
        createdBy,
        created);
  }
}
