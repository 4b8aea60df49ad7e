package io.cordon.store.keys;

import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import io.cordon.crypto.KeyVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;

/**
 * A {@link KeyVault} whose root key is an AES-256 secret key object inside a PKCS#11 token (OASIS
 * PKCS#11 v2.40/3.0), reached through the JDK's SunPKCS11 provider. The key is generated in the
 * token as {@code CKA_TOKEN}, {@code CKA_SENSITIVE}, not {@code CKA_EXTRACTABLE}, and without wrap
 * or unwrap rights, so it never leaves the token; AES-GCM (NIST SP 800-38D) runs inside the token.
 * A key whose value can be read out is refused. The ciphertext format is that of {@link
 * SealedFileKeyVault}.
 *
 * <p>PKCS#11 login state belongs to the process and token, not to this object: once one instance
 * has logged in, the token does not check the PIN of a later instance in the same JVM.
 *
 * <p>Thread-safe (SunPKCS11 pools sessions).
 */
public final class Pkcs11KeyVault implements KeyVault {
  private final AuthProvider provider;
  private final SecretKey rootKey;
  private volatile boolean closed;

  private Pkcs11KeyVault(AuthProvider provider, SecretKey rootKey) {
    this.provider = provider;
    this.rootKey = rootKey;
  }

  /**
   * Logs in to the token and finds the key labelled {@code settings.keyLabel()}, generating it in
   * the token if absent.
   *
   * @throws CordonException.Unauthenticated if the PIN does not log in
   * @throws CordonException.Unavailable if the module or token cannot be used
   * @throws CordonException.InvalidInput if the found key is not a non-extractable AES key
   */
  public static Pkcs11KeyVault open(Pkcs11Settings settings) {
    AuthProvider provider = provider(settings);
    KeyStore store = login(provider, settings);
    try {
      SecretKey key =
          store.containsAlias(settings.keyLabel())
              ? existing(store, settings.keyLabel())
              : generate(store, provider, settings.keyLabel());
      if (!"AES".equals(key.getAlgorithm()) || key.getEncoded() != null) {
        throw new CordonException.InvalidInput(
            "the token key " + settings.keyLabel() + " is not a non-extractable AES key");
      }
      return new Pkcs11KeyVault(provider, key);
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CordonException.Unavailable("cannot find or create the token key", e);
    }
  }

  @Override
  public String kind() {
    return "pkcs11";
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    return GcmEnvelope.seal(key(), provider, plaintext, associatedData);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    return GcmEnvelope.open(key(), provider, ciphertext, associatedData);
  }

  /**
   * Stops this instance. It does not log out: PKCS#11 login state belongs to the whole process, so
   * a logout would also cut off any other vault on the same token in this JVM.
   */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "Pkcs11KeyVault[" + provider.getName() + (closed ? ", closed" : "") + "]";
  }

  private Key key() {
    if (closed) {
      throw new CordonException.Unavailable("the key vault is closed", null);
    }
    return rootKey;
  }

  private static AuthProvider provider(Pkcs11Settings settings) {
    // Key-generation template: the root key is born sensitive, non-extractable and unable to
    // wrap or unwrap other keys; only encrypt and decrypt are allowed.
    String config =
        "--name = cordon\n"
            + "library = \""
            + settings.library().toAbsolutePath()
            + "\"\n"
            + "slot = "
            + settings.slot()
            + "\n"
            + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
            + "  CKA_SENSITIVE = true\n"
            + "  CKA_EXTRACTABLE = false\n"
            + "  CKA_ENCRYPT = true\n"
            + "  CKA_DECRYPT = true\n"
            + "  CKA_WRAP = false\n"
            + "  CKA_UNWRAP = false\n"
            + "  CKA_SIGN = false\n"
            + "  CKA_VERIFY = false\n"
            + "}\n";
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new CordonException.Unavailable("this JDK has no SunPKCS11 provider", null);
    }
    try {
      return (AuthProvider) base.configure(config);
    } catch (ProviderException | InvalidParameterException e) {
      throw new CordonException.Unavailable(
          "cannot load the PKCS#11 module or open slot " + settings.slot(), e);
    }
  }

  private static KeyStore login(Provider provider, Pkcs11Settings settings) {
    char[] pin = null;
    try (Secret secret = readPin(settings)) {
      pin = secret.chars();
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
      return store;
    } catch (IOException e) {
      if (hasCause(e, LoginException.class)) {
        throw new CordonException.Unauthenticated("the PIN does not log in to the token");
      }
      throw new CordonException.Unavailable("cannot log in to the token", e);
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CordonException.Unavailable("cannot log in to the token", e);
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  private static Secret readPin(Pkcs11Settings settings) {
    byte[] bytes = null;
    try {
      OwnerOnlyFiles.checkOwnerOnly(settings.pinFile(), "the PIN file");
      if (Files.size(settings.pinFile()) > 256) {
        throw new CordonException.InvalidInput("the PIN file is too large");
      }
      bytes = Files.readAllBytes(settings.pinFile());
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      return Secret.of(Arrays.copyOf(bytes, end));
    } catch (NoSuchFileException e) {
      throw new CordonException.InvalidInput("the PIN file does not exist");
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot read the PIN file", e);
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  private static SecretKey existing(KeyStore store, String label) throws GeneralSecurityException {
    if (!(store.getKey(label, null) instanceof SecretKey key)) {
      throw new CordonException.InvalidInput("the token object " + label + " is not a secret key");
    }
    return key;
  }

  private static SecretKey generate(KeyStore store, Provider provider, String label)
      throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
    generator.init(256);
    // The generated session key becomes a token object labelled with the alias.
    store.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
    return existing(store, label);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
