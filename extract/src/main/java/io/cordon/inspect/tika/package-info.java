/**
 * Adapter for the {@link io.cordon.inspect.ContentExtractor} port on Apache Tika: documents, e-mail
 * and archives become text for the inspector, under byte, character, time, depth, ratio and entry
 * limits, with no network, no external entities, no OCR and no external processes.
 */
package io.cordon.inspect.tika;
