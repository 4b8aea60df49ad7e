/**
 * The HTTPS channel: Javalin on Jetty 12 with TLS 1.3/1.2 only, the REST API of API.md. It
 * authenticates, builds the RequestContext and calls application services; it never reaches a
 * repository. Errors become problem+json (RFC 9457) in one place.
 */
package io.cordon.server.web;
