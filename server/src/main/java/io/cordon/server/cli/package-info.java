/**
 * The command-line channel (picocli): offline administration commands that act as the local
 * operator through the same application services as every other channel, and {@code serve}. Errors
 * become exit codes in one place ({@link io.cordon.server.cli.ExitCodes}).
 */
package io.cordon.server.cli;
