/**
 * Ports of persistence: the {@link io.cordon.storage.MetadataStore} with its transactions (every
 * state change and its audit event commit together) and the {@link io.cordon.storage.BlobStore} for
 * ciphertext. Adapters live in the store module.
 */
package io.cordon.storage;
