package io.cordon.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  @TempDir Path dir;
  private final CertificateIssuer issuer = new CertificateIssuer(new SecureRandom());
  private KeyPair caKeys;
  private X509Certificate ca;

  @BeforeEach
  void createCa() {
    caKeys = issuer.newKeyPair();
    ca = issuer.selfSignedCa(caKeys, NOW, Duration.ofDays(3650));
  }

  private X509Certificate leaf(KeyPair keys, Instant issuedAt, Duration validity) {
    return issuer.server(
        keys,
        ca,
        caKeys.getPrivate(),
        List.of(new GeneralName(GeneralName.dNSName, "localhost")),
        issuedAt,
        validity);
  }

  private Path write(String name, Object... objects) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        writer.writeObject(o);
      }
    }
    Path file = dir.resolve(name);
    Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
    return file;
  }

  /** SEC1 as OpenSSL writes it: the named curve inside the structure (BC's writer omits it). */
  private static PemObject sec1(KeyPair keys) throws Exception {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
    ECPrivateKey sec1 =
        new ECPrivateKey(
            256,
            ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
            info.getPrivateKeyAlgorithm().getParameters());
    return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
  }

  @Test
  void fromPemFiles_pkcs8EcKeyAndChain_loads() throws Exception {
    KeyPair keys = issuer.newKeyPair();
    X509Certificate cert = leaf(keys, NOW, Duration.ofDays(90));
    Path chain = write("chain.pem", cert, ca);
    Path key = write("key.pem", new JcaPKCS8Generator(keys.getPrivate(), null));
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");

    TlsMaterial material = TlsMaterial.fromPemFiles(chain, key, NOW);

    assertThat(material.chain()).containsExactly(cert, ca);
    assertThat(material.keyStore().getCertificateChain(TlsMaterial.ALIAS)).hasSize(2);
    assertThat(material.toString()).contains("key redacted");
  }

  @Test
  void fromPemFiles_sec1EcKey_loads() throws Exception {
    KeyPair keys = issuer.newKeyPair();
    Path chain = write("chain.pem", leaf(keys, NOW, Duration.ofDays(90)));
    Path key = write("key.pem", sec1(keys));
    assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");

    assertThat(TlsMaterial.fromPemFiles(chain, key, NOW).chain()).hasSize(1);
  }

  @Test
  void fromPemFiles_pkcs1RsaKey_loads() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair keys = rsa.generateKeyPair();
    Path chain = write("chain.pem", leaf(keys, NOW, Duration.ofDays(90)), ca);
    Path key = write("key.pem", keys.getPrivate());
    assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

    assertThat(TlsMaterial.fromPemFiles(chain, key, NOW).certificate().getPublicKey())
        .isEqualTo(keys.getPublic());
  }

  @Test
  void fromPemFiles_keyOfAnotherCertificate_rejected() throws Exception {
    Path chain = write("chain.pem", leaf(issuer.newKeyPair(), NOW, Duration.ofDays(90)));
    Path key = write("key.pem", new JcaPKCS8Generator(issuer.newKeyPair().getPrivate(), null));

    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(chain, key, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void fromPemFiles_expiredCertificate_rejected() throws Exception {
    KeyPair keys = issuer.newKeyPair();
    Path chain =
        write("chain.pem", leaf(keys, NOW.minus(Duration.ofDays(100)), Duration.ofDays(90)));
    Path key = write("key.pem", sec1(keys));

    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(chain, key, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("expired");
  }

  @Test
  void fromPemFiles_chainInWrongOrder_rejected() throws Exception {
    KeyPair keys = issuer.newKeyPair();
    Path chain = write("chain.pem", ca, leaf(keys, NOW, Duration.ofDays(90)));
    Path key = write("key.pem", sec1(keys));

    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(chain, key, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("leaf first");
  }

  @Test
  void fromPemFiles_missingFile_namesIt() throws Exception {
    Path key = write("key.pem", sec1(issuer.newKeyPair()));
    Path missing = dir.resolve("nope.pem");

    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(missing, key, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("nope.pem")
        .hasMessageContaining("does not exist");
  }

  @Test
  void fromPemFiles_nonPemFiles_rejected() throws Exception {
    KeyPair keys = issuer.newKeyPair();
    Path derCert = dir.resolve("cert.der");
    Files.write(derCert, leaf(keys, NOW, Duration.ofDays(90)).getEncoded());
    Path derKey = dir.resolve("key.der");
    Files.write(derKey, keys.getPrivate().getEncoded());
    Path pemKey = write("key.pem", sec1(keys));
    Path pemChain = write("chain.pem", leaf(keys, NOW, Duration.ofDays(90)));

    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(derCert, pemKey, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("not a PEM file");
    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(pemChain, derKey, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("not a PEM file");
    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(pemKey, pemKey, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("no CERTIFICATE");
    assertThatThrownBy(() -> TlsMaterial.fromPemFiles(pemChain, pemChain, NOW))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("no PRIVATE KEY");
  }

  @Test
  void sslContext_localCa_tls13HandshakeVerifiesHostname() throws Exception {
    Path data = dir.resolve("data");
    TlsMaterial material =
        new LocalCertificateAuthority(data, new AesGcmTestVault(), java.time.Clock.systemUTC())
            .serverMaterial(List.of());
    SSLContext client =
        clientTrusting(LocalCertificateAuthorityTest.readPem(data.resolve("tls/ca.pem")));

    try (SSLServerSocket server =
        (SSLServerSocket)
            material
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      server.setEnabledProtocols(new String[] {"TLSv1.3"});
      CompletableFuture<Void> echo =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) server.accept();
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream()) {
                  out.write(in.read());
                  out.flush();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (SSLSocket socket =
          (SSLSocket) client.getSocketFactory().createSocket("localhost", server.getLocalPort())) {
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setProtocols(new String[] {"TLSv1.3"});
        socket.setSSLParameters(params);
        socket.getOutputStream().write(42);
        socket.getOutputStream().flush();

        assertThat(socket.getInputStream().read()).isEqualTo(42);
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(material.certificate());
      }
      echo.get(10, TimeUnit.SECONDS);
    }
  }

  private static SSLContext clientTrusting(X509Certificate ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
