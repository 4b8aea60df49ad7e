package io.cordon.crypto;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts decryptions through a real vault, to observe the unwrapped-keyset cache. */
final class CountingKeyVault implements KeyVault {
  private final KeyVault delegate;
  private final AtomicInteger decryptions = new AtomicInteger();

  CountingKeyVault(KeyVault delegate) {
    this.delegate = delegate;
  }

  int decryptions() {
    return decryptions.get();
  }

  @Override
  public String kind() {
    return delegate.kind();
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    return delegate.encrypt(plaintext, associatedData);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    decryptions.incrementAndGet();
    return delegate.decrypt(ciphertext, associatedData);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
