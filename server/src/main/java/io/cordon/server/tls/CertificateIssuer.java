package io.cordon.server.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Issues the local CA's certificates with BouncyCastle (RFC 5280 profile): EC P-256 keys,
 * ECDSA-SHA256 signatures, random 127-bit serials, validity backdated an hour for clock skew.
 */
final class CertificateIssuer {
  private static final Duration BACKDATE = Duration.ofHours(1);
  private final SecureRandom random;

  CertificateIssuer(SecureRandom random) {
    this.random = random;
  }

  KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
    }
  }

  /** A self-signed CA: basicConstraints CA (path length 0), keyUsage keyCertSign and cRLSign. */
  X509Certificate selfSignedCa(KeyPair ca, Instant now, Duration validity) {
    byte[] tag = new byte[4];
    random.nextBytes(tag);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Cordon")
            .addRDN(BCStyle.CN, "Cordon local CA " + HexFormat.of().formatHex(tag))
            .build();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject, serial(), start(now), end(now, validity), subject, ca.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(ca.getPublic()));
      return sign(builder, ca.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue the local CA certificate", e);
    }
  }

  /** A server certificate for {@code names}: SANs, keyUsage digitalSignature, EKU serverAuth. */
  X509Certificate server(
      KeyPair server,
      X509Certificate caCertificate,
      PrivateKey caKey,
      Collection<GeneralName> names,
      Instant now,
      Duration validity) {
    GeneralName first = names.iterator().next();
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Cordon")
            .addRDN(BCStyle.CN, first.getName().toString())
            .build();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  caCertificate,
                  serial(),
                  start(now),
                  end(now, validity),
                  subject,
                  server.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(names.toArray(new GeneralName[0])))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(server.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ext.createAuthorityKeyIdentifier(caCertificate));
      return sign(builder, caKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue the server certificate", e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws GeneralSecurityException {
    try {
      var signer =
          new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
              .setSecureRandom(random)
              .build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private BigInteger serial() {
    return new BigInteger(127, random).setBit(126);
  }

  private static Date start(Instant now) {
    return Date.from(now.minus(BACKDATE));
  }

  private static Date end(Instant now, Duration validity) {
    return Date.from(now.plus(validity));
  }
}
