package io.cordon.server.tls;

import io.cordon.context.CordonException;
import io.cordon.crypto.KeyVault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A certificate authority local to one installation, so that {@code cordon serve} speaks HTTPS out
 * of the box and clients can trust it with {@code curl --cacert DATA/tls/ca.pem}.
 *
 * <p>On first use it creates, under {@code DATA/tls}: a CA (EC P-256, ten years, basicConstraints
 * CA, keyUsage keyCertSign) in {@code ca.pem}, and a server certificate signed by it (EC P-256, 397
 * days, SANs localhost, the host name, 127.0.0.1, ::1 and any extra names, EKU serverAuth) in
 * {@code server.pem}. Private keys are never written in clear: their PKCS#8 encodings are sealed by
 * the {@link KeyVault} (associated data names the file) into {@code ca.key.sealed} and {@code
 * server.key.sealed}, mode 0600. Later runs reuse both, and re-issue the server certificate when it
 * expires within {@link #RENEW_BEFORE}, was not issued by the current CA, or lacks a requested
 * name. Files are replaced atomically.
 *
 * <p>Certificates follow the <a href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280</a> profile
 * and the CA/Browser Forum's 397-day limit for server certificates. Thread-safe within one process;
 * two processes must not initialise the same directory at once.
 */
public final class LocalCertificateAuthority {
  public static final Duration CA_VALIDITY = Duration.ofDays(3652);
  public static final Duration SERVER_VALIDITY = Duration.ofDays(397);
  public static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Path dir;
  private final KeyVault vault;
  private final Clock clock;
  private final CertificateIssuer issuer;

  private record Issued(PrivateKey key, X509Certificate certificate) {}

  /**
   * @param dataDir the data directory; certificates and sealed keys go into its {@code tls}
   */
  public LocalCertificateAuthority(Path dataDir, KeyVault vault, Clock clock) {
    this.dir = dataDir.resolve("tls");
    this.vault = vault;
    this.clock = clock;
    this.issuer = new CertificateIssuer(new SecureRandom());
  }

  /** {@code DATA/tls/ca.pem}, the certificate clients should trust. */
  public Path caCertificateFile() {
    return dir.resolve("ca.pem");
  }

  /** The server identity, creating or renewing the CA and server certificate as needed. */
  public synchronized TlsMaterial serverMaterial(Collection<String> extraNames) {
    Instant now = clock.instant();
    SubjectNames wanted = SubjectNames.localPlus(extraNames);
    try {
      Files.createDirectories(dir);
      Issued ca = loadOrCreateCa(now);
      Issued server = load("server").filter(s -> isUsable(s, ca, wanted, now)).orElse(null);
      if (server == null) {
        KeyPair pair = issuer.newKeyPair();
        X509Certificate cert =
            issuer.server(
                pair, ca.certificate(), ca.key(), wanted.generalNames(), now, SERVER_VALIDITY);
        server = store("server", new Issued(pair.getPrivate(), cert));
      }
      return TlsMaterial.of(server.key(), List.of(server.certificate(), ca.certificate()), now);
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot read or write TLS files in " + dir, e);
    }
  }

  private Issued loadOrCreateCa(Instant now) throws IOException {
    Optional<Issued> existing = load("ca");
    if (existing.isPresent()
        && existing.get().certificate().getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
      return existing.get();
    }
    KeyPair pair = issuer.newKeyPair();
    return store("ca", new Issued(pair.getPrivate(), issuer.selfSignedCa(pair, now, CA_VALIDITY)));
  }

  private boolean isUsable(Issued server, Issued ca, SubjectNames wanted, Instant now) {
    X509Certificate cert = server.certificate();
    try {
      cert.verify(ca.certificate().getPublicKey());
    } catch (GeneralSecurityException e) {
      return false;
    }
    return cert.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))
        && !cert.getNotBefore().toInstant().isAfter(now)
        && SubjectNames.of(cert).covers(wanted)
        && TlsMaterial.keyMatches(server.key(), cert.getPublicKey());
  }

  private Optional<Issued> load(String name) throws IOException {
    Path pem = dir.resolve(name + ".pem");
    Path sealed = dir.resolve(name + ".key.sealed");
    boolean hasPem = Files.exists(pem);
    boolean hasKey = Files.exists(sealed);
    if (!hasPem && !hasKey) {
      return Optional.empty();
    }
    if (hasPem != hasKey) {
      throw new CordonException.Conflict(
          "incomplete TLS material in "
              + dir
              + ": "
              + name
              + ".pem and "
              + name
              + ".key.sealed must both exist (remove the other one to start afresh)");
    }
    X509Certificate certificate = PemFiles.readCertificates(pem).get(0);
    byte[] pkcs8 = vault.decrypt(Files.readAllBytes(sealed), associatedData(name));
    try {
      return Optional.of(
          new Issued(
              KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
              certificate));
    } catch (GeneralSecurityException e) {
      throw new CordonException.IntegrityViolation("sealed TLS key is unreadable", e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private Issued store(String name, Issued issued) throws IOException {
    byte[] pkcs8 = issued.key().getEncoded();
    try {
      writeAtomically(
          dir.resolve(name + ".key.sealed"), vault.encrypt(pkcs8, associatedData(name)), true);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
    writeAtomically(
        dir.resolve(name + ".pem"),
        PemFiles.toPem(List.of(issued.certificate())).getBytes(StandardCharsets.US_ASCII),
        false);
    return issued;
  }

  private static byte[] associatedData(String name) {
    return ("cordon/tls/" + name + ".key").getBytes(StandardCharsets.UTF_8);
  }

  private void writeAtomically(Path target, byte[] content, boolean secret) throws IOException {
    Path temp;
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      String mode = secret ? "rw-------" : "rw-r--r--";
      temp =
          Files.createTempFile(
              dir,
              ".tmp-",
              ".part",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    } else {
      temp = Files.createTempFile(dir, ".tmp-", ".part");
    }
    try {
      Files.write(temp, content);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
