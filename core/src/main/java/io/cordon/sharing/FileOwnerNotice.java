package io.cordon.sharing;

import io.cordon.content.FileId;
import io.cordon.content.StoredFile;
import io.cordon.context.RequestContext;
import io.cordon.door.OwnerNotice;
import io.cordon.identity.User;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.time.Clock;
import java.util.Optional;

/**
 * Honours {@code notify-owner} for files, directly or through a share: the file's owner (whoever
 * uploaded it) gets a sealed e-mail in the outbox, queued in the deciding transaction. The mail
 * names the file only when its classification lets names travel. Other resources have no owner to
 * tell, so the obligation refuses them. A requester who owns the file is not told of their own
 * access. Thread-safe.
 */
public final class FileOwnerNotice implements OwnerNotice {
  private final MailSeal seal;
  private final SharingSettings settings;
  private final Clock clock;

  public FileOwnerNotice(MailSeal seal, SharingSettings settings, Clock clock) {
    this.seal = seal;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public boolean accessGranted(
      Transaction tx, RequestContext ctx, Resource resource, Action action) {
    if (!resource.type().equals("file") && !resource.type().equals(Resource.SHARED_FILE)) {
      return false;
    }
    Optional<StoredFile> file = tx.files().find(new FileId(resource.id()));
    if (file.isEmpty()) {
      return false;
    }
    Optional<User> owner = tx.users().find(file.get().createdBy());
    if (owner.isEmpty() || owner.get().email().isBlank()) {
      return false;
    }
    boolean ownAccess = ctx.subject().map(s -> s.user().equals(owner.get().id())).orElse(false);
    if (!ownAccess) {
      seal.enqueue(
          tx,
          Mails.accessNotice(
              owner.get().email(),
              ctx.subject().map(s -> s.username()).orElse("an anonymous requester"),
              action.code(),
              Mails.nameIfShareable(file.get().name(), resource.classification()),
              settings.linkBase() + "/api/v1/files/" + resource.id() + "/activity",
              clock.instant()));
    }
    return true;
  }
}
