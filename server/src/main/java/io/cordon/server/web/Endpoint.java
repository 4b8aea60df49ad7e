package io.cordon.server.web;

import io.cordon.context.RequestContext;
import io.javalin.http.Context;

/** A route's work, given the HTTP exchange and the request context built for it. */
@FunctionalInterface
interface Endpoint {
  void handle(Context http, RequestContext request) throws Exception;
}
