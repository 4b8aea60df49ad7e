package io.cordon.server.witness;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for witness URLs: the JDK's default trust store, plus the CA certificates of an
 * optional PEM file ({@code audit.witness-ca}), for a witness behind a private CA (another Cordon
 * installation's local CA, say). Hostnames are verified as usual.
 */
final class WitnessTrust {
  private WitnessTrust() {}

  static SSLContext context(Optional<Path> extraCaPem) {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      int n = 0;
      for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
        anchors.setCertificateEntry("jdk-" + n++, ca);
      }
      if (extraCaPem.isPresent()) {
        for (Certificate ca : read(extraCaPem.get())) {
          anchors.setCertificateEntry("extra-" + n++, ca);
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException | IOException e) {
      throw new CordonException.InvalidInput(
          "audit.witness-ca: cannot build the trust store: " + e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK has no X.509 trust manager");
  }

  private static Collection<? extends Certificate> read(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new CordonException.InvalidInput("audit.witness-ca: no certificate in " + pem);
      }
      return certs;
    } catch (java.security.cert.CertificateException e) {
      throw new CordonException.InvalidInput("audit.witness-ca: not PEM certificates: " + pem);
    }
  }
}
