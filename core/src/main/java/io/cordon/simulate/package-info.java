/**
 * The behaviour simulator: a seeded, synthetic world of a CDMO, its partner organisations, their
 * users and workspaces, whose activity is written as audit events (API.md's event format) together
 * with the labelled attack scenarios injected into it. It measures the detectors; nothing in the
 * running server depends on it. The public API is {@link io.cordon.simulate.Simulator}.
 */
package io.cordon.simulate;
