package io.cordon.server.web;

import io.cordon.content.FileId;
import io.cordon.content.UploadId;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.javalin.http.Context;

/**
 * Typed ids from a route's {@code {id}} path segment. A malformed id names nothing that could
 * exist, so it answers 404 like an unknown one: the answer never tells a prober which ids are
 * well-formed. Stateless.
 */
final class PathIds {
  private PathIds() {}

  static FileId fileId(Context http) {
    try {
      return new FileId(http.pathParam("id"));
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such file");
    }
  }

  static UploadId uploadId(Context http) {
    try {
      return new UploadId(http.pathParam("id"));
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such upload");
    }
  }

  static WorkspaceId workspaceId(Context http) {
    return workspaceId(http.pathParam("id"));
  }

  static WorkspaceId workspaceId(String raw) {
    try {
      return new WorkspaceId(raw);
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such workspace");
    }
  }
}
