package io.cordon.sharing;

import io.cordon.content.ContentService;
import io.cordon.content.Delivery;
import io.cordon.content.Download;
import io.cordon.content.FileId;
import io.cordon.content.StoredFile;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.identity.User;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downloads and watermarked views, for members and for share recipients alike. A member (anyone
 * with a role in the file's workspace) goes the ordinary way; anyone else is asked about as a
 * {@code shared-file}, which {@link Grant} builds only for a recipient of a live share. A download
 * through a share is counted in the transaction of its {@code file.download} event (atomic, so
 * concurrent downloads cannot pass {@code maxDownloads}), names the share in its details, and stops
 * at the next 1 MiB once the share is revoked or expires. Thread-safe.
 */
public final class ShareAccess {
  /** The {@code rendition} named in view events. */
  public static final String VIEW_RENDITION = "watermarked-view";

  private final MailSeal seal;
  private final ContentService content;
  private final MetadataStore store;
  private final ViewRenderer renderer;
  private final SharingSettings settings;
  private final Clock clock;

  public ShareAccess(
      ContentService content,
      MetadataStore store,
      ViewRenderer renderer,
      SharingSettings settings,
      MailSeal seal,
      Clock clock) {
    this.seal = seal;
    this.content = content;
    this.store = store;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
  }

  /** The raw bytes of a version, to a member or to a recipient of a live, downloadable share. */
  public Download download(RequestContext ctx, FileId file, OptionalInt version) {
    if (isMemberOrStranger(ctx, file)) {
      return content.download(ctx, file, version);
    }
    return content.download(
        ctx, file, version, throughShare(ctx, file, Action.DOWNLOAD, Optional.empty()));
  }

  /** A rendered view: a PDF with the viewer's watermark on every page. */
  public View view(RequestContext ctx, FileId file, OptionalInt page) {
    Subject who = ctx.requireSubject();
    AtomicReference<ShareId> through = new AtomicReference<>();
    Delivery delivery =
        isMemberOrStranger(ctx, file)
            ? new Delivery(
                "file.view",
                Action.VIEW,
                // A rendering of the content, not its metadata: policy tells them apart by type.
                tx -> Resource.fileView(ContentService.fileResource(tx, file)),
                tx -> Map.of(),
                null,
                Optional.of(VIEW_RENDITION))
            : throughShare(ctx, file, Action.VIEW, Optional.of(through));
    long size = store.read(tx -> tx.files().latestVersion(file).map(v -> v.size()).orElse(0L));
    if (size > settings.viewMaxBytes()) {
      throw new CordonException.TooLarge(
          "the file is larger than the " + settings.viewMaxBytes() + " bytes a view allows");
    }
    Download d = content.download(ctx, file, OptionalInt.empty(), delivery);
    ByteArrayOutputStream plain = new ByteArrayOutputStream((int) d.version().size());
    try {
      d.writeTo(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    User viewer = store.read(tx -> tx.users().find(who.user())).orElseThrow();
    Watermark mark =
        new Watermark(
            viewer.printedName(),
            viewer.email().isEmpty() ? viewer.username() : viewer.email(),
            clock.instant(),
            Optional.ofNullable(through.get()));
    byte[] pdf = renderer.render(plain.toByteArray(), d.file().name(), mark, page);
    return new View(d.file().name(), d.version().number(), pdf, mark.line());
  }

  /**
   * A rendered view and what it is of.
   *
   * @param watermark the line printed on every page (who, when, through which share), so a viewer
   *     can also say it in words beside the page images
   */
  public record View(String fileName, int version, byte[] pdf, String watermark) {}

  /**
   * Whether the ordinary path applies: the subject has a role in the file's workspace, or is no
   * recipient of any share of it (then the ordinary policy answers, and denies a stranger).
   */
  private boolean isMemberOrStranger(RequestContext ctx, FileId file) {
    Subject who = ctx.requireSubject();
    return store.read(
        tx -> {
          Optional<StoredFile> f = tx.files().find(file);
          if (f.isEmpty()) {
            return true;
          }
          return tx.workspaces().roleOf(f.get().workspace(), who.user()).isPresent()
              || !Grant.isRecipient(tx, file, who.user());
        });
  }

  private Delivery throughShare(
      RequestContext ctx, FileId file, Action action, Optional<AtomicReference<ShareId>> out) {
    Subject who = ctx.requireSubject();
    AtomicReference<Share> chosen = new AtomicReference<>();
    return new Delivery(
        action == Action.VIEW ? "file.view" : "file.download",
        action,
        tx -> {
          chosen.set(Grant.choose(tx, ctx, file, who.user(), action, clock.instant()));
          out.ifPresent(o -> o.set(chosen.get().id()));
          return Grant.sharedFile(tx, file);
        },
        tx -> permitted(tx, chosen.get(), who, action),
        () ->
            store.read(tx -> Grant.isLive(tx, chosen.get().id(), clock.instant()))
                ? Optional.empty()
                : Optional.of("access was revoked during the download"),
        action == Action.VIEW ? Optional.of(VIEW_RENDITION) : Optional.empty());
  }

  /** Counts the download (the authority on the limit) and notes the first access. */
  private Map<String, Object> permitted(Transaction tx, Share share, Subject who, Action action) {
    if (action == Action.DOWNLOAD
        && !tx.shares().countDownload(share.id(), who.user(), share.maxDownloads())) {
      throw Grant.exhausted();
    }
    Instant now = clock.instant();
    Map<String, Object> details = new HashMap<>();
    details.put("share", share.id().value());
    if (tx.shares().markFirstAccess(share.id(), who.user(), now)) {
      details.put("firstAccess", true);
      if (share.notifyOnFirstAccess()) {
        notifyOwner(tx, share, who, now);
      }
    }
    return details;
  }

  private void notifyOwner(Transaction tx, Share share, Subject who, Instant now) {
    Optional<User> owner = tx.users().find(share.createdBy());
    if (owner.isEmpty() || owner.get().email().isEmpty()) {
      return;
    }
    var resource = ContentService.fileResource(tx, share.file());
    String name = tx.files().find(share.file()).map(StoredFile::name).orElse("");
    seal.enqueue(
        tx,
        Mails.firstAccess(
            owner.get().email(),
            who.username(),
            Mails.nameIfShareable(name, resource.classification()),
            settings.linkBase(),
            now));
  }
}
