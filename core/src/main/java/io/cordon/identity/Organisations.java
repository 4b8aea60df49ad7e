package io.cordon.identity;

import java.util.List;
import java.util.Optional;

/** Port: stored organisations. Names are unique (case-sensitive). */
public interface Organisations {
  /**
   * @throws io.cordon.context.CordonException.Conflict if the name is taken
   */
  void insert(Organisation org);

  Optional<Organisation> find(OrgId id);

  Optional<Organisation> findByName(String name);

  List<Organisation> list();

  /** The organisation's Business Associate Agreement ({@link Baa#NONE} when none is recorded). */
  Baa baa(OrgId id);

  /**
   * Records the organisation's BAA.
   *
   * @return false if there is no such organisation
   */
  boolean setBaa(OrgId id, Baa baa);
}
