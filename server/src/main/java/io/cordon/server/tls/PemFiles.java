package io.cordon.server.tls;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM with BouncyCastle's {@link PEMParser}: certificate chains, and private keys
 * in PKCS#8 ({@code PRIVATE KEY}) or the traditional PKCS#1 / SEC1 forms ({@code RSA PRIVATE KEY},
 * {@code EC PRIVATE KEY}). Errors name the file and what was wrong with it, never key material.
 */
final class PemFiles {
  private PemFiles() {}

  /** All certificates in {@code file}, in file order (leaf first for a chain). */
  static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    boolean anyPem = false;
    try (PEMParser parser = new PEMParser(open(file))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        anyPem = true;
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException e) {
      throw invalid(file, "is not a readable PEM certificate file (" + e.getMessage() + ")");
    }
    if (!anyPem) {
      throw invalid(file, "is not a PEM file (no -----BEGIN block found)");
    }
    if (certificates.isEmpty()) {
      throw invalid(file, "contains no CERTIFICATE block");
    }
    return List.copyOf(certificates);
  }

  /** The first private key in {@code file}; other blocks (e.g. EC PARAMETERS) are skipped. */
  static PrivateKey readPrivateKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    boolean anyPem = false;
    try (PEMParser parser = new PEMParser(open(file))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        anyPem = true;
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw invalid(file, "holds an encrypted private key; supply it unencrypted (mode 0600)");
        }
      }
    } catch (IOException e) {
      throw invalid(file, "is not a readable PEM private key file (" + e.getMessage() + ")");
    }
    throw invalid(file, anyPem ? "contains no PRIVATE KEY block" : "is not a PEM file");
  }

  /** PEM text of the given certificates, concatenated. */
  static String toPem(List<X509Certificate> certificates) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(certificate);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to memory failed", e);
    }
    return out.toString();
  }

  private static Reader open(Path file) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw invalid(file, "does not exist");
    } catch (IOException e) {
      throw invalid(file, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private static CordonException.InvalidInput invalid(Path file, String problem) {
    return new CordonException.InvalidInput("TLS file " + file + " " + problem);
  }
}
