/**
 * Schema migrations written in Java, for steps SQL cannot express the same way in SQLite and
 * PostgreSQL (hashing stored rows). Flyway runs them in version order with the SQL ones.
 */
package io.cordon.store.sql.migration;
