package io.cordon.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.cordon.context.CordonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The metadata store in one SQLite file: the embedded default.
 *
 * <p>Durability and concurrency: WAL journal with {@code synchronous=FULL} (a committed transaction
 * survives power loss), foreign keys enforced. Writes are group-committed on a pool of exactly one
 * connection whose transactions begin IMMEDIATE, taking SQLite's write lock at the start, so that
 * writers of other processes (the CLI while a server runs) queue instead of deadlocking on a lock
 * upgrade. {@link #read} uses a separate small pool of read-only connections, which in WAL mode
 * read a consistent snapshot without blocking the writer. Thread-safe.
 */
public final class SqliteMetadataStore extends JdbiMetadataStore {
  private static final int BUSY_TIMEOUT_MS = 10_000;
  private static final int READERS = 4;

  /**
   * Page cache per connection, in KiB (SQLite's default is 2 MiB). A group-committed batch dirties
   * many index pages; with the default cache they spill into the WAL before the commit.
   */
  private static final int WRITER_CACHE_KIB = 64 * 1024;

  private static final int READER_CACHE_KIB = 16 * 1024;

  /**
   * WAL pages after which a commit also checkpoints the WAL into the database file (default 1000, 4
   * MiB). A larger WAL lets several batches' commits run before one pays for a checkpoint.
   */
  private static final int WAL_AUTOCHECKPOINT_PAGES = 16_384;

  private SqliteMetadataStore(HikariDataSource writePool, HikariDataSource readPool) {
    super(SqlDialect.SQLITE, writePool, readPool);
  }

  /** Opens (creating if needed) the database file and migrates it to the newest schema. */
  public static SqliteMetadataStore open(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot create directory for " + absolute, e);
    }
    String url = "jdbc:sqlite:" + absolute;
    SchemaMigration.migrate(dataSource(url, SQLiteConfig.TransactionMode.DEFERRED, false));
    HikariDataSource writePool =
        pool("cordon-sqlite-write", url, SQLiteConfig.TransactionMode.IMMEDIATE, false, 1);
    try {
      return new SqliteMetadataStore(
          writePool,
          pool("cordon-sqlite-read", url, SQLiteConfig.TransactionMode.DEFERRED, true, READERS));
    } catch (RuntimeException e) {
      writePool.close();
      throw e;
    }
  }

  @Override
  <T> T transact(Handle handle, boolean readOnly, HandleCallback<T, RuntimeException> work) {
    // SQLite knows one isolation level (serializable); the pools already fix mode and read-only.
    return handle.inTransaction(work);
  }

  /**
   * The value of a PRAGMA as the write connection sees it, e.g. {@code synchronous} is {@code 2}
   * (FULL); for diagnostics and tests.
   */
  String pragma(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name");
    }
    return onWriteConnection(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
  }

  private static HikariDataSource pool(
      String name, String url, SQLiteConfig.TransactionMode mode, boolean readOnly, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDataSource(dataSource(url, mode, readOnly));
    config.setReadOnly(readOnly);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new CordonException.Unavailable("cannot open the SQLite database", e);
    }
  }

  private static SQLiteDataSource dataSource(
      String url, SQLiteConfig.TransactionMode mode, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    if (!readOnly) {
      // Persistent in the file; set by writers only, as a read-only connection cannot change it.
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setPragma(
          SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(WAL_AUTOCHECKPOINT_PAGES));
    }
    config.setCacheSize(-(readOnly ? READER_CACHE_KIB : WRITER_CACHE_KIB));
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(mode);
    config.setReadOnly(readOnly);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }
}
