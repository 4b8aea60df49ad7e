package io.cordon.policy;

import io.cordon.content.WorkspaceRole;
import java.util.Optional;

/**
 * Port: decides one access request. Deny by default: anything no rule permits is denied.
 * Implementations are pure and thread-safe; the caller supplies facts it looked up (the subject's
 * role in the resource's workspace).
 */
public interface PolicyEngine {
  Decision decide(AccessRequest request, Optional<WorkspaceRole> workspaceRole);
}
