/**
 * Benchmark only, never shipped: Cordon's policy engine beside AWS Cedar's Java binding on
 * equivalent policies (a translator from Cordon's policy documents to Cedar), the same requests and
 * one run, with an agreement check before any timing.
 */
package io.cordon.bench.cedar;
