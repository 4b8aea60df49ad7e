package io.cordon.server.tls;

import io.cordon.context.CordonException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * The subject alternative names of a server certificate (RFC 5280 §4.2.1.6): DNS names, lower-cased
 * and syntax-checked, and IP addresses in canonical form. Keys of the set are {@code dns:NAME} and
 * {@code ip:ADDRESS}, so that names from configuration and from a parsed certificate compare equal.
 */
final class SubjectNames {
  private static final Pattern DNS =
      Pattern.compile(
          "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private final Set<String> keys;

  private SubjectNames(Set<String> keys) {
    this.keys = keys;
  }

  /** {@code localhost}, this machine's host name if it has a usable one, 127.0.0.1, ::1, extras. */
  static SubjectNames localPlus(Collection<String> extraNames) {
    List<String> names = new ArrayList<>(List.of("localhost"));
    machineHostName().ifPresent(names::add);
    names.add("127.0.0.1");
    names.add("::1");
    names.addAll(extraNames);
    Set<String> keys = new LinkedHashSet<>();
    for (String name : names) {
      keys.add(key(name));
    }
    return new SubjectNames(keys);
  }

  /** The names a certificate carries in its subjectAltName extension. */
  static SubjectNames of(X509Certificate certificate) {
    Set<String> keys = new LinkedHashSet<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
        int type = (Integer) san.get(0);
        if (type == GeneralName.dNSName || type == GeneralName.iPAddress) {
          keys.add(key((String) san.get(1)));
        }
      }
    } catch (CertificateParsingException | CordonException.InvalidInput e) {
      return new SubjectNames(Set.of());
    }
    return new SubjectNames(keys);
  }

  boolean covers(SubjectNames wanted) {
    return keys.containsAll(wanted.keys);
  }

  List<GeneralName> generalNames() {
    List<GeneralName> names = new ArrayList<>();
    for (String key : keys) {
      String value = key.substring(key.indexOf(':') + 1);
      names.add(
          new GeneralName(
              key.startsWith("ip:") ? GeneralName.iPAddress : GeneralName.dNSName, value));
    }
    return names;
  }

  private static String key(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (IPAddress.isValid(trimmed)) {
      try {
        return "ip:" + InetAddress.getByName(trimmed).getHostAddress();
      } catch (UnknownHostException e) {
        throw new CordonException.InvalidInput("not an IP address: " + trimmed);
      }
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.length() > 253 || !DNS.matcher(lower).matches()) {
      throw new CordonException.InvalidInput(
          "not a DNS name or IP address for the TLS certificate: '" + trimmed + "'");
    }
    return "dns:" + lower;
  }

  private static Optional<String> machineHostName() {
    try {
      String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
      return DNS.matcher(host).matches() && !IPAddress.isValid(host)
          ? Optional.of(host)
          : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return keys.toString();
  }
}
