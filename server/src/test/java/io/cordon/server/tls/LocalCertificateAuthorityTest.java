package io.cordon.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {
  @TempDir Path data;
  private final AesGcmTestVault vault = new AesGcmTestVault();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

  private TlsMaterial issue(String... extra) {
    return new LocalCertificateAuthority(data, vault, clock).serverMaterial(List.of(extra));
  }

  @Test
  void serverMaterial_firstRun_writesCertificatesAndSealedKeysOnly() throws Exception {
    issue();
    Path tls = data.resolve("tls");
    try (Stream<Path> files = Files.list(tls)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.pem", "ca.key.sealed", "server.pem", "server.key.sealed");
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tls.resolve("ca.key.sealed"))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tls.resolve("server.key.sealed"))))
        .isEqualTo("rw-------");
  }

  @Test
  void serverMaterial_firstRun_caHasCaConstraintsAndTenYears() throws Exception {
    issue();
    X509Certificate ca = readPem(data.resolve("tls/ca.pem"));
    assertThat(ca.getBasicConstraints()).isEqualTo(0);
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(Duration.between(clock.instant(), ca.getNotAfter().toInstant()))
        .isEqualTo(LocalCertificateAuthority.CA_VALIDITY);
    ca.verify(ca.getPublicKey());
  }

  @Test
  void serverMaterial_extraNames_presentAsSansWithServerAuth() throws Exception {
    X509Certificate server = issue("files.cdmo.example", "192.0.2.10").certificate();

    List<String> sans = new ArrayList<>();
    for (List<?> san : server.getSubjectAlternativeNames()) {
      sans.add(san.get(0) + ":" + san.get(1));
    }
    assertThat(sans)
        .contains(
            "2:localhost",
            "7:127.0.0.1",
            "7:0:0:0:0:0:0:0:1",
            "2:files.cdmo.example",
            "7:192.0.2.10");
    String host = InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
    if (host.matches("[a-z0-9.-]+") && !host.equals("localhost")) {
      assertThat(sans).contains("2:" + host);
    }
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(Duration.between(clock.instant(), server.getNotAfter().toInstant()))
        .isEqualTo(LocalCertificateAuthority.SERVER_VALIDITY);
  }

  @Test
  void serverMaterial_chain_validatesToCaFromDisk() throws Exception {
    TlsMaterial material = issue();
    X509Certificate ca = readPem(data.resolve("tls/ca.pem"));

    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(clock.instant()));
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(material.certificate())),
            params);
    assertThat(material.chain()).hasSize(2);
    assertThat(material.chain().get(1)).isEqualTo(ca);
  }

  @Test
  void serverMaterial_secondRun_reusesSameCertificatesAndKey() throws Exception {
    TlsMaterial first = issue();
    clock.advance(Duration.ofDays(100));
    TlsMaterial second = issue();

    assertThat(second.chain()).isEqualTo(first.chain());
    assertThat(keyOf(second)).isEqualTo(keyOf(first));
  }

  @Test
  void serverMaterial_serverExpiringWithin30Days_reissuedUnderSameCa() {
    TlsMaterial first = issue();
    clock.advance(Duration.ofDays(397 - 29));
    TlsMaterial second = issue();

    assertThat(second.certificate()).isNotEqualTo(first.certificate());
    assertThat(second.chain().get(1)).isEqualTo(first.chain().get(1));
    assertThat(second.certificate().getNotAfter().toInstant())
        .isEqualTo(clock.instant().plus(LocalCertificateAuthority.SERVER_VALIDITY));
  }

  @Test
  void serverMaterial_newExtraName_reissued() throws Exception {
    TlsMaterial first = issue();
    TlsMaterial second = issue("cordon.internal");

    assertThat(second.certificate()).isNotEqualTo(first.certificate());
    assertThat(issue("cordon.internal").certificate()).isEqualTo(second.certificate());
  }

  @Test
  void tlsDirectory_afterIssue_containsNoPrivateKeyInClear() throws Exception {
    TlsMaterial material = issue();
    byte[] caPkcs8 =
        vault.decrypt(
            Files.readAllBytes(data.resolve("tls/ca.key.sealed")),
            "cordon/tls/ca.key".getBytes(StandardCharsets.UTF_8));
    PrivateKey serverKey = keyOf(material);
    List<byte[]> secrets =
        List.of(caPkcs8, serverKey.getEncoded(), scalar((ECPrivateKey) serverKey));

    try (Stream<Path> files = Files.list(data.resolve("tls"))) {
      for (Path file : files.toList()) {
        byte[] content = Files.readAllBytes(file);
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        for (byte[] secret : secrets) {
          assertThat(indexOf(content, secret)).as(file + " holds key bytes").isEqualTo(-1);
        }
      }
    }
  }

  @Test
  void serverMaterial_otherVault_failsWithIntegrityViolation() {
    issue();
    LocalCertificateAuthority other =
        new LocalCertificateAuthority(data, new AesGcmTestVault(), clock);
    assertThatThrownBy(() -> other.serverMaterial(List.of()))
        .isInstanceOf(CordonException.IntegrityViolation.class);
  }

  @Test
  void serverMaterial_sealedCaKeyMissing_refusesToOverwrite() throws Exception {
    issue();
    Files.delete(data.resolve("tls/ca.key.sealed"));
    assertThatThrownBy(this::issue)
        .isInstanceOf(CordonException.Conflict.class)
        .hasMessageContaining("ca.key.sealed");
  }

  @Test
  void serverMaterial_invalidExtraName_rejected() {
    assertThatThrownBy(() -> issue("bad name!"))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("bad name!");
  }

  static PrivateKey keyOf(TlsMaterial material) throws Exception {
    KeyStore store = material.keyStore();
    return (PrivateKey) store.getKey(TlsMaterial.ALIAS, material.keyStorePassword());
  }

  static X509Certificate readPem(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static byte[] scalar(ECPrivateKey key) {
    byte[] s = key.getS().toByteArray();
    return s[0] == 0 ? Arrays.copyOfRange(s, 1, s.length) : s;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
