package io.cordon.server.tls;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity: a private key and its certificate chain (leaf first) in an in-memory
 * PKCS#12 {@link KeyStore} under alias {@value #ALIAS}, protected by a random password that exists
 * only in this object. Built from operator PEM files ({@link #fromPemFiles}) or from the {@link
 * LocalCertificateAuthority}.
 *
 * <p>Construction checks what a TLS handshake would otherwise fail on later and less clearly: the
 * key belongs to the leaf certificate, every certificate is valid at the given time, and each
 * certificate is signed by the next one in the chain. Failures are {@link
 * CordonException.InvalidInput} naming the problem. Immutable (the key store is never modified
 * after construction) and thread-safe; {@link #toString} shows no key material. The chain is what
 * the server sends in its Certificate message (<a
 * href="https://www.rfc-editor.org/rfc/rfc8446#section-4.4.2">RFC 8446 §4.4.2</a>).
 */
public final class TlsMaterial {
  /** The key store alias of the server's key entry. */
  public static final String ALIAS = "cordon";

  private final KeyStore keyStore;
  private final char[] password;
  private final List<X509Certificate> chain;

  private TlsMaterial(KeyStore keyStore, char[] password, List<X509Certificate> chain) {
    this.keyStore = keyStore;
    this.password = password;
    this.chain = chain;
  }

  /** Checks {@code key} and {@code chain} (leaf first) at {@code now} and wraps them. */
  public static TlsMaterial of(PrivateKey key, List<X509Certificate> chain, Instant now) {
    if (key == null || chain == null || chain.isEmpty()) {
      throw new CordonException.InvalidInput(
          "TLS needs a private key and at least one certificate");
    }
    List<X509Certificate> certificates = List.copyOf(chain);
    checkValidity(certificates, now);
    checkOrder(certificates);
    if (!keyMatches(key, certificates.get(0).getPublicKey())) {
      throw new CordonException.InvalidInput(
          "the TLS private key does not belong to the certificate for "
              + certificates.get(0).getSubjectX500Principal().getName());
    }
    char[] password = randomPassword();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, certificates.toArray(new Certificate[0]));
      return new TlsMaterial(store, password, certificates);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an in-memory PKCS#12 key store", e);
    }
  }

  /**
   * Loads the operator's files: {@code certificateChain} holds the leaf certificate first, then any
   * intermediates; {@code privateKey} holds the key as PKCS#8 or PKCS#1/SEC1 PEM, unencrypted.
   */
  public static TlsMaterial fromPemFiles(Path certificateChain, Path privateKey, Instant now) {
    List<X509Certificate> certificates = PemFiles.readCertificates(certificateChain);
    PrivateKey key = PemFiles.readPrivateKey(privateKey);
    return of(key, certificates, now);
  }

  /** The in-memory key store; open it with {@link #keyStorePassword()}. */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** A copy of the key store's (and key entry's) password. */
  public char[] keyStorePassword() {
    return password.clone();
  }

  /** The chain, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** A server-side {@link SSLContext} ({@code TLS}, i.e. 1.3 and 1.2) presenting this identity. */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  private static void checkValidity(List<X509Certificate> chain, Instant now) {
    for (X509Certificate certificate : chain) {
      String subject = certificate.getSubjectX500Principal().getName();
      if (now.isAfter(certificate.getNotAfter().toInstant())) {
        throw new CordonException.InvalidInput(
            "the TLS certificate for "
                + subject
                + " expired at "
                + certificate.getNotAfter().toInstant());
      }
      if (now.isBefore(certificate.getNotBefore().toInstant())) {
        throw new CordonException.InvalidInput(
            "the TLS certificate for "
                + subject
                + " is not valid before "
                + certificate.getNotBefore().toInstant());
      }
    }
  }

  private static void checkOrder(List<X509Certificate> chain) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      try {
        chain.get(i).verify(chain.get(i + 1).getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new CordonException.InvalidInput(
            "TLS certificate "
                + (i + 1)
                + " of the chain is not signed by certificate "
                + (i + 2)
                + "; list the leaf first, then its issuers in order");
      }
    }
  }

  /** Proves possession: a signature by {@code key} verifies under the certificate's public key. */
  static boolean keyMatches(PrivateKey key, PublicKey certified) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default ->
              throw new CordonException.InvalidInput(
                  "unsupported TLS key algorithm " + key.getAlgorithm());
        };
    if (!key.getAlgorithm().equals(certified.getAlgorithm())
        && !(algorithm.equals("Ed25519") && certified.getAlgorithm().startsWith("Ed"))) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    char[] chars = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    Arrays.fill(bytes, (byte) 0);
    return chars;
  }

  @Override
  public String toString() {
    return "TlsMaterial["
        + certificate().getSubjectX500Principal().getName()
        + ", chain of "
        + chain.size()
        + ", key redacted]";
  }
}
