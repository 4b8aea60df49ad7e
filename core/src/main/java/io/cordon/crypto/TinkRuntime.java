package io.cordon.crypto;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/** Registers Tink's AEAD and StreamingAead key managers once per class loader. */
final class TinkRuntime {
  private static final Configuration CONFIGURATION = register();

  private TinkRuntime() {}

  static Configuration configuration() {
    return CONFIGURATION;
  }

  private static Configuration register() {
    try {
      AeadConfig.register();
      StreamingAeadConfig.register();
      return RegistryConfiguration.get();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not register its AEAD primitives", e);
    }
  }
}
