/**
 * End-to-end benchmarks behind {@code cordon bench}: they start a throwaway installation, drive it
 * over real HTTPS on loopback and report each rate as a ratio to a plain TLS baseline measured in
 * the same run, so that results stay comparable on noisy, shared machines. Benchmarks, not tests:
 * nothing here asserts a timing.
 */
package io.cordon.server.bench;
