package io.cordon.audit;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.ContentService;
import io.cordon.content.FileId;
import io.cordon.content.StoredFile;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searching and exporting the audit trail, and a file's activity. Every operation passes the one
 * door and is itself audited: a search as {@code audit.read}, an export as {@code audit.export}
 * (with its filter and the number of events, recorded before the first event leaves), a file's
 * activity as {@code file.activity}. Searching and exporting the whole trail is for auditors and
 * administrators; a file's activity for whoever may view the file, partners included.
 *
 * <p>Exports stream: they read {@value #EXPORT_PAGE} events at a time, each page in its own read
 * transaction, so memory stays at one page whatever the size of the trail, and no transaction stays
 * open while a slow client reads. Thread-safe.
 */
public final class AuditSearch {
  /** The most events one page may hold. */
  public static final int MAX_PAGE = AuditService.MAX_PAGE;

  static final int EXPORT_PAGE = 500;

  private final OneDoor door;
  private final MetadataStore store;

  public AuditSearch(OneDoor door, MetadataStore store) {
    this.door = door;
    this.store = store;
  }

  /** One page of the events that match, from the filter's {@code fromSeq} (the cursor) on. */
  public AuditPage events(RequestContext ctx, AuditFilter filter, int limit) {
    checkLimit(limit);
    return door.perform(
        ctx,
        trailAccess("audit.read"),
        (tx, resource) -> {
          AuditPage page =
              AuditPage.of(tx.auditQueries().search(filter, limit), limit, filter.toSeq());
          return new Performed<>(
              page,
              Optional.empty(),
              Map.of("filter", filter.describe(), "count", page.records().size()));
        });
  }

  /**
   * The events about one file (those naming it as their object), in sequence order, each with the
   * bytes its leaf hash covers, so that the reader can check them against a signed checkpoint.
   */
  public AuditPage fileActivity(RequestContext ctx, FileId file, long fromSeq, int limit) {
    checkLimit(limit);
    AuditFilter filter =
        AuditFilter.aboutObject(file.value()).withSeqRange(fromSeq, Long.MAX_VALUE);
    return door.perform(
        ctx,
        Guarded.of(
            "file.activity",
            Action.VIEW,
            tx -> ContentService.fileResource(tx, file),
            AuditObject.of("file", file.value(), null)),
        (tx, resource) -> {
          StoredFile stored = tx.files().find(file).orElseThrow();
          AuditPage page =
              AuditPage.of(tx.auditQueries().search(filter, limit), limit, filter.toSeq());
          AuditObject object =
              new AuditObject(
                  "file",
                  file.value(),
                  Optional.of(stored.name()),
                  Optional.of(stored.workspace().value()),
                  Optional.of(resource.classification().code()),
                  resource.dataTypes());
          return Performed.of(
              page, object, Map.of("from", fromSeq, "count", page.records().size()));
        });
  }

  /**
   * Authorises and audits an export of the events that match, as they stand now, and returns the
   * handle that streams them. The audit event (filter, format, count, the head it stops at) commits
   * before any event leaves; if the stream is cut short, a second event with outcome {@code error}
   * records how many did.
   */
  public AuditExport export(RequestContext ctx, AuditFilter filter, ExportFormat format) {
    door.authorize(ctx, trailAccess("audit.export"));
    long head = store.read(tx -> tx.audit().lastSeq());
    long through = Math.min(filter.toSeq(), head);
    Optional<AuditFilter> snapshot =
        through < filter.fromSeq()
            ? Optional.empty()
            : Optional.of(filter.withSeqRange(filter.fromSeq(), through));
    long count = snapshot.map(f -> store.read(tx -> tx.auditQueries().count(f))).orElse(0L);
    Map<String, Object> details =
        Map.of(
            "filter", filter.describe(), "format", format.code(), "count", count, "through", head);
    door.record(
        ctx,
        "audit.export",
        Optional.empty(),
        AuditEvent.Outcome.SUCCESS,
        Optional.empty(),
        details);
    return new AuditExport(
        format, count, through, out -> stream(ctx, snapshot, format, count, out));
  }

  private void stream(
      RequestContext ctx,
      Optional<AuditFilter> snapshot,
      ExportFormat format,
      long count,
      Writer out)
      throws IOException {
    long[] sent = {0};
    try {
      if (format == ExportFormat.CSV) {
        AuditCsv.writeHeader(out);
      }
      if (snapshot.isPresent()) {
        writePages(snapshot.get(), format, out, sent);
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      // The receiver went away, or the store failed: record how much had left.
      door.record(
          ctx,
          "audit.export",
          Optional.empty(),
          AuditEvent.Outcome.ERROR,
          Optional.of("export did not complete"),
          Map.of("count", count, "sent", sent[0]));
      throw e;
    }
  }

  private void writePages(AuditFilter snapshot, ExportFormat format, Writer out, long[] sent)
      throws IOException {
    long cursor = snapshot.fromSeq();
    while (cursor <= snapshot.toSeq()) {
      AuditFilter page = snapshot.withSeqRange(cursor, snapshot.toSeq());
      List<AuditRecord> records = store.read(tx -> tx.auditQueries().search(page, EXPORT_PAGE));
      for (AuditRecord r : records) {
        switch (format) {
          case JSONL -> out.write(AuditEventCodec.exportJson(r) + "\n");
          case CSV -> AuditCsv.writeRecord(out, r);
        }
        sent[0]++;
      }
      out.flush();
      if (records.size() < EXPORT_PAGE) {
        return;
      }
      cursor = records.getLast().seq() + 1;
    }
  }

  private static Guarded trailAccess(String auditAction) {
    return Guarded.of(auditAction, Action.AUDIT, Resource.system("audit"));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new CordonException.InvalidInput("'limit' must be between 1 and " + MAX_PAGE);
    }
  }
}
