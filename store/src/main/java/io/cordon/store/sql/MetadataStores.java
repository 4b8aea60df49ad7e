package io.cordon.store.sql;

import io.cordon.context.CordonException;
import io.cordon.storage.MetadataStore;
import java.nio.file.Path;

/**
 * Opens the metadata store named by the {@code db.url} setting (API.md "Configuration"):
 *
 * <ul>
 *   <li>{@code sqlite:PATH}: a SQLite file; a relative PATH resolves under the data directory, an
 *       empty one (or no URL at all) means {@code cordon.db} there;
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB?user=…}: a PostgreSQL database.
 * </ul>
 *
 * <p>Either way the schema is migrated before the store is returned. Stateless and thread-safe.
 */
public final class MetadataStores {
  static final String DEFAULT_SQLITE_FILE = "cordon.db";

  private MetadataStores() {}

  /**
   * @throws CordonException.InvalidInput if the URL is neither form
   * @throws CordonException.Unavailable if the database cannot be opened or migrated
   */
  public static MetadataStore open(String dbUrl, Path dataDir) {
    String url = dbUrl == null ? "" : dbUrl.strip();
    if (url.isEmpty() || url.startsWith("sqlite:")) {
      String path = url.isEmpty() ? "" : url.substring("sqlite:".length());
      Path file = dataDir.resolve(path.isEmpty() ? DEFAULT_SQLITE_FILE : path);
      return SqliteMetadataStore.open(file);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return PostgresMetadataStore.open(url);
    }
    // The URL itself is not echoed: it may carry a password.
    throw new CordonException.InvalidInput(
        "db.url must be sqlite:PATH or jdbc:postgresql://HOST/DB");
  }
}
