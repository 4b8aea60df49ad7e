/**
 * Behaviour analytics: one {@link io.cordon.detect.DetectionEngine} is fed audit events in order
 * (API.md "Event format"), keeps bounded per-user, per-address and per-peer-group baselines, and
 * raises {@link io.cordon.detect.Alert}s with readable evidence. The detectors themselves live in
 * {@code internal}; the engine runs the same way live and in {@code cordon detect replay}.
 */
package io.cordon.detect;
