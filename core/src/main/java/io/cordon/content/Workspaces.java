package io.cordon.content;

import io.cordon.identity.UserId;
import java.util.List;
import java.util.Optional;

/** Port: stored workspaces and their memberships. Workspace names are unique. */
public interface Workspaces {
  /**
   * @throws io.cordon.context.CordonException.Conflict if the name is taken
   */
  void insert(Workspace workspace);

  Optional<Workspace> find(WorkspaceId id);

  Optional<Workspace> findByName(String name);

  List<Workspace> list();

  /** Workspaces where the user has any membership. */
  List<Workspace> listForMember(UserId user);

  /** Adds the membership, or replaces the role of an existing one. */
  void putMember(Membership membership);

  Optional<WorkspaceRole> roleOf(WorkspaceId workspace, UserId user);

  List<Membership> members(WorkspaceId workspace);
}
