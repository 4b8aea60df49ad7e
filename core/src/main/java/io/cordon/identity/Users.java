package io.cordon.identity;

import java.util.List;
import java.util.Optional;

/** Port: stored user accounts. Usernames are unique, compared case-insensitively. */
public interface Users {
  /**
   * @throws io.cordon.context.CordonException.Conflict if the username is taken
   */
  void insert(User user);

  /** Replaces every mutable field of the stored user with the given one's. */
  void update(User user);

  Optional<User> find(UserId id);

  Optional<User> findByUsername(String username);

  List<User> list();
}
