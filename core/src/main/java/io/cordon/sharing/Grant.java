package io.cordon.sharing;

import io.cordon.content.ContentService;
import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.UserId;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which live share lets a recipient reach a file, and the {@code shared-file} resource for it. Only
 * a recipient of a share that is not revoked, not expired and (for downloads) not exhausted gets
 * one; otherwise the reason is raised with its own problem type. The share's own flags are enforced
 * here: {@code viewOnly} refuses raw downloads, {@code requireMfa} asks for a second factor.
 * Stateless.
 */
final class Grant {
  private Grant() {}

  /** Whether the user is a recipient of any share of the file, live or not. */
  static boolean isRecipient(Transaction tx, FileId file, UserId user) {
    return !tx.shares().ofFileFor(file, user).isEmpty();
  }

  /** The share to use for {@code action}; raises why there is none. */
  static Share choose(
      Transaction tx, RequestContext ctx, FileId file, UserId user, Action action, Instant now) {
    List<Share> all = tx.shares().ofFileFor(file, user);
    if (all.isEmpty()) {
      throw new CordonException.NotFound("no such file");
    }
    List<Share> live = all.stream().filter(s -> !s.isRevoked() && !s.isExpired(now)).toList();
    if (live.isEmpty()) {
      Share newest = all.getFirst();
      throw newest.isRevoked()
          ? new CordonException.Lapsed("share-revoked", "the share of this file was revoked")
          : new CordonException.Lapsed(
              "share-expired",
              "the share of this file expired at " + newest.expires().orElseThrow());
    }
    List<Share> usable = live;
    if (action == Action.DOWNLOAD) {
      usable = live.stream().filter(s -> !s.viewOnly()).toList();
      if (usable.isEmpty()) {
        throw new CordonException.Denied(
            "view only: this file was shared for viewing, not for download");
      }
      usable = usable.stream().filter(s -> hasDownloadsLeft(tx, s, user)).toList();
      if (usable.isEmpty()) {
        throw exhausted();
      }
    }
    // A share that asks nothing more is preferred; otherwise the session needs a second factor.
    Optional<Share> plain = usable.stream().filter(s -> !s.requireMfa()).findFirst();
    if (plain.isPresent()) {
      return plain.get();
    }
    if (!ctx.auth().isMultiFactor()) {
      throw new CordonException.StepUpRequired(
          "the share of this file requires a second factor in the session");
    }
    return usable.stream().min(Comparator.comparing(Share::created).reversed()).orElseThrow();
  }

  static CordonException exhausted() {
    return new CordonException.Lapsed(
        "share-exhausted", "the share's download limit for this recipient is reached");
  }

  private static boolean hasDownloadsLeft(Transaction tx, Share s, UserId user) {
    if (s.maxDownloads().isEmpty()) {
      return true;
    }
    int used = tx.shares().recipient(s.id(), user).map(ShareRecipient::downloads).orElse(0);
    return used < s.maxDownloads().getAsInt();
  }

  /** The policy attributes of a file reached through a share. */
  static Resource sharedFile(Transaction tx, FileId file) {
    Resource f = ContentService.fileResource(tx, file);
    Resource shared =
        new Resource(
            Resource.SHARED_FILE, file.value(), f.workspace(), f.classification(), f.dataTypes());
    // A quarantined file stays quarantined when reached through a share.
    return f.inspection().map(shared::withInspection).orElse(shared);
  }

  /** Whether the share still grants access now (checked again during a download). */
  static boolean isLive(Transaction tx, ShareId id, Instant now) {
    return tx.shares().find(id).map(s -> !s.isRevoked() && !s.isExpired(now)).orElse(false);
  }
}
