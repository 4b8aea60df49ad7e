package io.cordon.crypto;

import com.google.crypto.tink.StreamingAead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;

/**
 * Wraps Tink's StreamingAead so that a failed decryption (a bad tag in any segment, a truncated or
 * extended stream, a wrong key or associated data) throws {@link DecryptionFailure#violation()},
 * while a genuine I/O failure of the ciphertext source still throws its own {@link IOException}.
 * Tink reports both as {@code IOException}; the source is watched to tell them apart.
 */
final class IntegrityCheckedStreamingAead implements StreamingAead {
  private final StreamingAead tink;

  IntegrityCheckedStreamingAead(StreamingAead tink) {
    this.tink = tink;
  }

  @Override
  public OutputStream newEncryptingStream(OutputStream ciphertextDestination, byte[] ad)
      throws GeneralSecurityException, IOException {
    return tink.newEncryptingStream(ciphertextDestination, ad);
  }

  @Override
  public WritableByteChannel newEncryptingChannel(WritableByteChannel destination, byte[] ad)
      throws GeneralSecurityException, IOException {
    return tink.newEncryptingChannel(destination, ad);
  }

  @Override
  public InputStream newDecryptingStream(InputStream ciphertextSource, byte[] ad)
      throws GeneralSecurityException, IOException {
    WatchedSource source = new WatchedSource(ciphertextSource);
    return new CheckedPlaintext(tink.newDecryptingStream(source, ad), source);
  }

  @Override
  public ReadableByteChannel newDecryptingChannel(ReadableByteChannel source, byte[] ad)
      throws GeneralSecurityException, IOException {
    return Channels.newChannel(newDecryptingStream(Channels.newInputStream(source), ad));
  }

  /**
   * Ranged reads authenticate every segment they touch, as Tink's channel does; unlike the stream,
   * a failed segment surfaces as Tink's {@code IOException} rather than as an integrity violation,
   * because a seekable source cannot be watched the same way. Nothing unauthenticated is ever
   * returned either way.
   */
  @Override
  public SeekableByteChannel newSeekableDecryptingChannel(SeekableByteChannel source, byte[] ad)
      throws GeneralSecurityException, IOException {
    return tink.newSeekableDecryptingChannel(source, ad);
  }

  /** Remembers the first I/O failure of the ciphertext source. */
  private static final class WatchedSource extends FilterInputStream {
    private IOException failure;

    WatchedSource(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }

  /** Translates Tink's failures into the one integrity error. */
  private static final class CheckedPlaintext extends FilterInputStream {
    private final WatchedSource source;

    CheckedPlaintext(InputStream plaintext, WatchedSource source) {
      super(plaintext);
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw translate();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw translate();
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw translate();
      }
    }

    private IOException translate() {
      if (source.failure != null) {
        return source.failure;
      }
      throw DecryptionFailure.violation();
    }
  }
}
