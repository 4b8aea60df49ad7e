package io.cordon.bench.cedar;

import com.cedarpolicy.loader.LibraryLoader;
import java.util.Locale;

/**
 * Loads Cedar's native library before any Cedar class does. cedar-java finds it through JNE, which
 * lower-cases the OS and architecture names in the default locale: under a Turkish locale "LINUX"
 * becomes "lınux" and the bundled {@code jne/linux/x86_64} library is not found
 * (UnsatisfiedLinkError). Every Cedar class that loads the library in its static initialiser asks
 * JNE again, so they are all initialised here, once, under the root locale.
 */
final class CedarLibrary {
  private static final String[] INITIALISE_UNDER_ROOT_LOCALE = {
    "com.cedarpolicy.model.schema.Schema",
    "com.cedarpolicy.model.policy.PolicySet",
    "com.cedarpolicy.model.policy.Policy",
    "com.cedarpolicy.value.EntityUID",
    "com.cedarpolicy.value.EntityIdentifier",
    "com.cedarpolicy.value.EntityTypeName",
    "com.cedarpolicy.formatter.PolicyFormatter",
    "com.cedarpolicy.BasicAuthorizationEngine"
  };

  private static boolean loaded;

  private CedarLibrary() {}

  static synchronized void load() {
    if (loaded) {
      return;
    }
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
    try {
      LibraryLoader.loadLibrary();
      ClassLoader cl = CedarLibrary.class.getClassLoader();
      for (String c : INITIALISE_UNDER_ROOT_LOCALE) {
        Class.forName(c, true, cl);
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cedar-java is not on the class path", e);
    } finally {
      Locale.setDefault(before);
    }
    loaded = true;
  }
}
