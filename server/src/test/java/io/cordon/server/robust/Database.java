package io.cordon.server.robust;

/** The metadata databases that the robustness scenarios run against. */
enum Database {
  /** The embedded default: a SQLite file in the data directory. */
  SQLITE,
  /** A fresh PostgreSQL database per test (see {@link FreshPostgres}). */
  POSTGRESQL
}
