package io.cordon.policy;

import io.cordon.context.RequestContext;

/**
 * One question to the policy engine: may this context's subject do this action on this resource?
 */
public record AccessRequest(RequestContext context, Action action, Resource resource) {
  public AccessRequest {
    if (context == null || action == null || resource == null) {
      throw new IllegalArgumentException("incomplete access request");
    }
  }
}
