/**
 * The web UI's view models and formatting: plain values the JTE templates (server/src/main/jte)
 * render. No service calls and no HTTP here; the routes in {@code io.cordon.server.web} fetch the
 * data through the application services and hand it over.
 */
package io.cordon.server.web.ui;
