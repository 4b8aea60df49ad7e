package io.cordon.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import java.security.GeneralSecurityException;

/**
 * The lower half of the key hierarchy: one data keyset per file version, Tink StreamingAead
 * AES256_GCM_HKDF_1MB (segmented AES-GCM, NIST SP 800-38D, with per-stream keys from HKDF, RFC
 * 5869), stored only wrapped by the workspace KEK. Both the wrapped keyset and the content stream
 * carry associated data naming the file and version (each with its own domain label), so a wrapped
 * key or a ciphertext moved to another file or version fails to decrypt.
 *
 * <p>Every decryption failure, including those while reading a decrypting stream, surfaces as the
 * same {@link CordonException.IntegrityViolation} ({@link DecryptionFailure}). Stateless and
 * thread-safe.
 */
public final class DataKeys {
  /** Loading this class registers Tink's key managers before any key is generated. */
  private static final Configuration TINK = TinkRuntime.configuration();

  private DataKeys() {}

  /** A new data key for one version of {@code file}, wrapped by {@code kek}. */
  public static DataKey newDataKey(Aead kek, FileId file, String versionId) {
    return newKey(kek, wrappingAssociatedData(file, versionId));
  }

  /** Unwraps a stored data key; the result's decrypting streams fail as described above. */
  public static StreamingAead openDataKey(Aead kek, FileId file, String versionId, byte[] wrapped) {
    return primitive(unwrap(kek, wrappingAssociatedData(file, versionId), wrapped));
  }

  /**
   * A new data key for the parts of one resumable upload (the bytes received so far, kept encrypted
   * until the upload completes), wrapped by {@code kek} and bound to the upload's id.
   */
  public static DataKey newUploadKey(Aead kek, String uploadId) {
    return newKey(kek, AssociatedData.of(AssociatedData.UPLOAD_KEY, checkId(uploadId)));
  }

  /** Unwraps the data key of a resumable upload. */
  public static StreamingAead openUploadKey(Aead kek, String uploadId, byte[] wrapped) {
    return primitive(
        unwrap(kek, AssociatedData.of(AssociatedData.UPLOAD_KEY, checkId(uploadId)), wrapped));
  }

  /** The associated data of part {@code part} of a resumable upload: parts cannot be reordered. */
  public static byte[] uploadPartAssociatedData(String uploadId, int part) {
    return AssociatedData.of(AssociatedData.UPLOAD_PART, checkId(uploadId), Integer.toString(part));
  }

  private static DataKey newKey(Aead kek, byte[] wrappingAssociatedData) {
    try {
      KeysetHandle handle =
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
      return new DataKey(
          primitive(handle),
          TinkProtoKeysetFormat.serializeEncryptedKeyset(
              handle, kek, wrappingAssociatedData, TINK));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not generate a streaming data key", e);
    }
  }

  /**
   * Re-wraps a stored data key under the KEK's current primary key, after a KEK rotation. The
   * content and the data key itself are unchanged.
   */
  public static byte[] rewrapDataKey(Aead kek, FileId file, String versionId, byte[] wrapped) {
    KeysetHandle handle = unwrap(kek, wrappingAssociatedData(file, versionId), wrapped);
    try {
      return wrap(handle, kek, file, versionId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not re-wrap the data key", e);
    }
  }

  /** The associated data for the content stream of one file version. */
  public static byte[] contentAssociatedData(FileId file, String versionId) {
    return AssociatedData.of(AssociatedData.CONTENT, file.value(), checkVersion(versionId));
  }

  private static KeysetHandle unwrap(Aead kek, byte[] wrappingAssociatedData, byte[] wrapped) {
    if (wrapped == null) {
      throw DecryptionFailure.violation();
    }
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, wrappingAssociatedData, TINK);
    } catch (CordonException e) {
      throw e; // from the KEK: an unavailable vault is not tampering
    } catch (GeneralSecurityException | RuntimeException e) {
      throw DecryptionFailure.violation(); // malformed input may also fail as a runtime exception
    }
  }

  private static byte[] wrap(KeysetHandle handle, Aead kek, FileId file, String versionId)
      throws GeneralSecurityException {
    return TinkProtoKeysetFormat.serializeEncryptedKeyset(
        handle, kek, wrappingAssociatedData(file, versionId), TINK);
  }

  private static StreamingAead primitive(KeysetHandle handle) {
    try {
      return new IntegrityCheckedStreamingAead(handle.getPrimitive(TINK, StreamingAead.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keyset is not a streaming AEAD keyset", e);
    }
  }

  private static byte[] wrappingAssociatedData(FileId file, String versionId) {
    return AssociatedData.of(AssociatedData.DATA_KEY, file.value(), checkVersion(versionId));
  }

  private static String checkId(String uploadId) {
    if (uploadId == null || uploadId.isEmpty() || uploadId.length() > 64) {
      throw new CordonException.InvalidInput("malformed upload id");
    }
    return uploadId;
  }

  private static String checkVersion(String versionId) {
    if (versionId == null || versionId.isEmpty() || versionId.length() > 64) {
      throw new CordonException.InvalidInput("malformed version id");
    }
    return versionId;
  }
}
