/**
 * Port contract tests (one abstract suite per port, extended by every adapter's test) and the
 * fixtures they need: sample records, concurrency drivers, a throwaway SoftHSM2 token, the
 * published test vectors.
 */
package io.cordon.testing;
