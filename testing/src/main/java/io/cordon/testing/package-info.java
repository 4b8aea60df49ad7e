/**
 * Port contract tests (one abstract suite per port, extended by every adapter's test) and the
 * fixtures they need, such as a throwaway SoftHSM2 token.
 */
package io.cordon.testing;
