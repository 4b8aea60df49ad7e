package io.cordon.identity.internal;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import io.cordon.identity.Passkey;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Yubico's view of the stored passkeys, read in one transaction. The WebAuthn user handle is the
 * UTF-8 of Cordon's opaque user id (random, no personal data, WebAuthn Level 2 §14.6.1); the
 * library's "username" is the WebAuthn {@code user.name}, Cordon's username. Not thread-safe.
 */
final class TransactionCredentials implements CredentialRepository {
  private final Transaction tx;

  TransactionCredentials(Transaction tx) {
    this.tx = tx;
  }

  static ByteArray handleOf(UserId user) {
    return new ByteArray(user.value().getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<UserId> userOf(ByteArray handle) {
    String id = new String(handle.getBytes(), StandardCharsets.UTF_8);
    try {
      return Optional.of(new UserId(id));
    } catch (io.cordon.context.CordonException.InvalidInput e) {
      return Optional.empty();
    }
  }

  @Override
  public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
    Set<PublicKeyCredentialDescriptor> ids = new LinkedHashSet<>();
    tx.users()
        .findByUsername(username)
        .ifPresent(
            u -> {
              for (Passkey p : tx.passkeys().listFor(u.id())) {
                ids.add(PublicKeyCredentialDescriptor.builder().id(idOf(p)).build());
              }
            });
    return ids;
  }

  @Override
  public Optional<ByteArray> getUserHandleForUsername(String username) {
    return tx.users().findByUsername(username).map(u -> handleOf(u.id()));
  }

  @Override
  public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
    return userOf(userHandle).flatMap(id -> tx.users().find(id)).map(User::username);
  }

  @Override
  public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
    return tx.passkeys()
        .findByCredentialId(credentialId.getBase64Url())
        .filter(p -> userOf(userHandle).map(p.user()::equals).orElse(false))
        .map(TransactionCredentials::registered);
  }

  @Override
  public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
    return tx.passkeys()
        .findByCredentialId(credentialId.getBase64Url())
        .map(p -> Set.of(registered(p)))
        .orElse(Set.of());
  }

  private static RegisteredCredential registered(Passkey p) {
    return RegisteredCredential.builder()
        .credentialId(idOf(p))
        .userHandle(handleOf(p.user()))
        .publicKeyCose(base64Url(p.publicKeyCose()))
        .signatureCount(p.signCount())
        .build();
  }

  private static ByteArray idOf(Passkey p) {
    return base64Url(p.credentialId());
  }

  private static ByteArray base64Url(String value) {
    try {
      return ByteArray.fromBase64Url(value);
    } catch (com.yubico.webauthn.data.exception.Base64UrlException e) {
      throw new IllegalStateException("stored WebAuthn value is not base64url", e);
    }
  }
}
