/**
 * Scoring detectors against labelled scenarios: reads a simulator's truth file and alerts in
 * API.md's "Alert output" format, and measures recall per scenario type, false alerts per 1,000
 * user-days and time to detect, by the matching rules of docs/simulation.md. The public API is
 * {@link io.cordon.detect.evaluation.Evaluation}.
 */
package io.cordon.detect.evaluation;
