package io.cordon.server.web;

import java.util.List;

/**
 * The HTTP routes as tests outside the {@code web} package see them: method, path template and
 * whether the route is public. Built from the same {@link ApiRoutes} list that {@link HttpServer}
 * registers, so a route cannot be served without appearing here.
 */
public final class RouteTable {
  private RouteTable() {}

  /** One registered route. */
  public record Entry(String method, String path, boolean isPublic) {}

  /** Every route the server registers, in registration order. */
  public static List<Entry> of(Services services) {
    return new ApiRoutes(services, true)
        .routes().stream()
            .map(r -> new Entry(r.method().name(), r.path(), r.access() == Access.PUBLIC))
            .toList();
  }
}
