/**
 * Content inspection: detectors that find personal, health, payment, GxP and secret values in
 * extracted text, and the rules that turn findings into a classification label and data types. The
 * public API is {@link io.cordon.inspect.Inspector}; detectors live in {@code internal}.
 */
package io.cordon.inspect;
