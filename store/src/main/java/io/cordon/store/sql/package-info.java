/**
 * The metadata store on SQL databases: one Jdbi adapter with a repository class per port, one
 * Flyway schema for SQLite (the embedded default) and PostgreSQL (production and scale-out), and
 * the small dialect differences between them kept in {@link io.cordon.store.sql.SqlDialect}.
 */
package io.cordon.store.sql;
