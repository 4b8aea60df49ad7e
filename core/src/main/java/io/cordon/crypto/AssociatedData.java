package io.cordon.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds associated data as a domain label followed by length-prefixed fields, so that no two
 * different (label, fields) tuples encode to the same bytes and ciphertexts made for one purpose
 * never authenticate for another.
 */
final class AssociatedData {
  static final String KEYSET = "cordon/keyset/v1";
  static final String DATA_KEY = "cordon/data-key/v1";
  static final String CONTENT = "cordon/content/v1";
  static final String UPLOAD_KEY = "cordon/upload-key/v1";
  static final String UPLOAD_PART = "cordon/upload-part/v1";

  private AssociatedData() {}

  static byte[] of(String label, String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeField(out, label);
    for (String field : fields) {
      writeField(out, field);
    }
    return out.toByteArray();
  }

  private static void writeField(ByteArrayOutputStream out, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.writeBytes(bytes);
  }
}
