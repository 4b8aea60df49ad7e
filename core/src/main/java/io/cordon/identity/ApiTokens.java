package io.cordon.identity;

import java.util.List;
import java.util.Optional;

/** Port: stored API tokens, looked up by the hash of their secret. */
public interface ApiTokens {
  void insert(ApiTokenRecord token);

  Optional<ApiTokenRecord> findBySecretHash(String secretHash);

  Optional<ApiTokenRecord> find(String id);

  List<ApiTokenRecord> listForUser(UserId user);

  void revoke(String id);
}
