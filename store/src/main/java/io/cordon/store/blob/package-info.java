/**
 * Blob stores that keep ciphertext on a local file system: written under a temporary name, made
 * durable and then visible by an atomic rename.
 */
package io.cordon.store.blob;
