/**
 * The e-mail channel: an SMTP transport (Jakarta Mail on Eclipse Angus) and the loop that drains
 * the outbox off the request path.
 */
package io.cordon.server.mail;
