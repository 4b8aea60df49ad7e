/**
 * The demo world seeded by {@code cordon demo}: organisations, users, workspaces and files that
 * exercise every screen, created through the same application services as real use.
 */
package io.cordon.server.demo;
