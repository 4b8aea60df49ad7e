package io.cordon.content;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An authorised download: what will be sent, and the means to send it once. Writing decrypts and
 * verifies as it goes; on any failure it throws before the final buffer is written, so a receiver
 * that checks the length never takes a corrupt file for a complete one.
 */
public final class Download {
  private final StoredFile file;
  private final FileVersion version;
  private final Writer writer;

  Download(StoredFile file, FileVersion version, Writer writer) {
    this.file = file;
    this.version = version;
    this.writer = writer;
  }

  public StoredFile file() {
    return file;
  }

  public FileVersion version() {
    return version;
  }

  /** Streams the plaintext to {@code out}; call once. */
  public void writeTo(OutputStream out) throws IOException {
    writer.write(out);
  }

  /** The streaming step, supplied by the service. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out) throws IOException;
  }
}
