package io.cordon.content;

import io.cordon.context.StillAllowed;
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

  /**
   * Streams the plaintext to {@code out}; call once. The request's credential is checked again
   * every chunk; a refusal aborts the transfer with {@link
   * io.cordon.context.CordonException.Unauthenticated} after recording the bytes delivered.
   */
  public void writeTo(OutputStream out) throws IOException {
    writer.write(out, StillAllowed.ALWAYS);
  }

  /**
   * As {@link #writeTo(OutputStream)}, also asking {@code also} every chunk (a share's "still live"
   * check, say).
   */
  public void writeTo(OutputStream out, StillAllowed also) throws IOException {
    writer.write(out, also);
  }

  /** The streaming step, supplied by the service. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out, StillAllowed also) throws IOException;
  }
}
