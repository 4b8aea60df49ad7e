package io.cordon.server.web;

import io.javalin.http.HandlerType;

/**
 * One HTTP route and what it demands. The full list is public so that a test can prove every route
 * is guarded (deny by default).
 */
record Route(HandlerType method, String path, Access access, Endpoint endpoint) {}
