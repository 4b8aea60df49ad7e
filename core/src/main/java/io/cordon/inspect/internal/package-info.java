/**
 * The detector pass: one scan over the text whose cheap per-character prefilter dispatches to small
 * detectors (pattern, validator, context), checksums, redaction and the windowed stream driver.
 */
package io.cordon.inspect.internal;
