/**
 * Cordon's one immutable configuration: the registry of every key ({@link
 * io.cordon.server.config.ConfigKeys}), the validated record tree ({@link
 * io.cordon.server.config.CordonConfig}) and the loader that reads a YAML file and {@code CORDON_*}
 * environment overrides ({@link io.cordon.server.config.ConfigLoader}). Nothing else in Cordon
 * reads configuration files, environment variables or system properties.
 */
package io.cordon.server.config;
