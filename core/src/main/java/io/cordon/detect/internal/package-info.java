/**
 * The detectors and the bounded state they keep. Only {@link io.cordon.detect.DetectionEngine} uses
 * this package; nothing outside {@code detect} imports it.
 */
package io.cordon.detect.internal;
