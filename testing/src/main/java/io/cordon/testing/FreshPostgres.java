package io.cordon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of its own for one test, dropped on close. The server comes from {@code
 * CORDON_TEST_POSTGRES} (a JDBC URL of a server, without a database), default {@code
 * jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}. The JDBC driver comes from the test's
 * own classpath. Without a reachable server the test is skipped with the reason, except under CI
 * ({@code CI=true}), where it fails.
 */
public final class FreshPostgres implements AutoCloseable {
  private static final String SERVER =
      System.getenv().getOrDefault("CORDON_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String CREDENTIALS = "?user=postgres";

  private final String database;

  private FreshPostgres(String database) {
    this.database = database;
  }

  /**
   * Creates a database named {@code prefix} plus a random suffix, or aborts the calling test
   * (throws TestAbortedException; fails it under CI) when it cannot.
   */
  public static FreshPostgres create(String prefix) {
    String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String why = "PostgreSQL not reachable at " + SERVER + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI needs it", e);
      }
      Assumptions.abort(why + ": skipping the PostgreSQL tests");
    }
    return new FreshPostgres(name);
  }

  /** The {@code db.url} setting that names this database. */
  public String url() {
    return SERVER + database + CREDENTIALS;
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
