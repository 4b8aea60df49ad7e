/**
 * Contract tests that every adapter of a port must pass (each adapter's test extends the port's
 * contract), and the sample records they use.
 */
package io.cordon.testing;
