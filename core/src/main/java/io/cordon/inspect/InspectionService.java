package io.cordon.inspect;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.Classification;
import io.cordon.content.ContentService;
import io.cordon.context.Channel;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.AuditEvents;
import io.cordon.inspect.Inspections.VersionKey;
import io.cordon.inspect.MalwareScanner.ScanResult;
import io.cordon.storage.MetadataStore;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches the verdict of every stored file version, off the request thread (docs/inspection.md).
 *
 * <p>Every version is stored {@link InspectionState#PENDING} in the transaction that appends it.
 * This service claims pending versions with a lease ({@link Inspections#claimPending}), reads each
 * back through the key vault (decrypting as it streams; no plaintext on disk), runs the {@link
 * ContentExtractor} with the {@link Inspector} and, when one is configured, the {@link
 * MalwareScanner}, and writes the verdict and the label in the transaction of its {@code
 * file.inspect} audit event (plus {@code alert.raise} for malware). Versions left pending by a
 * killed node are claimed again when their lease lapses; those never claimed (lease 0) at the first
 * poll after start.
 *
 * <p>The pool is bounded: {@link InspectionSettings#workers()} threads, and the poller claims only
 * as many versions as there are free workers, so a burst of uploads waits in the database, not in
 * memory. Thread-safe.
 */
public final class InspectionService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InspectionService.class);
  private static final RequestContext SYSTEM =
      RequestContext.anonymous(Channel.SYSTEM, "127.0.0.1", Optional.empty(), "inspection");

  private final MetadataStore store;
  private final ContentService content;
  private final ContentExtractor extractor;
  private final Inspector inspector;
  private final Optional<MalwareScanner> scanner;
  private final Clock clock;
  private final InspectionSettings settings;
  private final Semaphore free;
  private final LinkedBlockingQueue<Boolean> nudges = new LinkedBlockingQueue<>(1);
  private ExecutorService workers;
  private Thread poller;

  /**
   * @param extractor the single place where the document parser is chosen (plain text, Tika)
   * @param scanner the malware scanner, when one is configured
   */
  public InspectionService(
      MetadataStore store,
      ContentService content,
      ContentExtractor extractor,
      Inspector inspector,
      Optional<MalwareScanner> scanner,
      Clock clock,
      InspectionSettings settings) {
    this.store = store;
    this.content = content;
    this.extractor = extractor;
    this.inspector = inspector;
    this.scanner = scanner;
    this.clock = clock;
    this.settings = settings;
    this.free = new Semaphore(settings.workers());
  }

  /** Starts the worker pool and the poller (a serving node); idempotent. */
  public synchronized void start() {
    if (workers != null) {
      return;
    }
    workers =
        Executors.newFixedThreadPool(
            settings.workers(), Thread.ofPlatform().daemon().name("cordon-inspect-", 0).factory());
    poller = Thread.ofVirtual().name("cordon-inspect-poll").start(this::pollLoop);
    content.onVersionStored(this::nudge);
  }

  /** Tells the poller that a version was stored, so it need not wait for its next tick. */
  public void nudge() {
    nudges.offer(Boolean.TRUE);
  }

  private void pollLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        nudges.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        dispatch();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // One bad tick (database briefly away) never stops the next.
        LOG.warn("inspection poll failed: {}", e.toString());
      }
    }
  }

  private void dispatch() throws InterruptedException {
    int slots = free.drainPermits();
    if (slots == 0) {
      return;
    }
    List<VersionKey> claimed = List.of();
    try {
      claimed = claim(slots);
    } finally {
      free.release(slots - claimed.size());
    }
    for (VersionKey key : claimed) {
      workers.execute(
          () -> {
            try {
              inspect(key);
            } catch (RuntimeException e) {
              LOG.warn("inspection of {} v{} failed: {}", key.file(), key.number(), e.toString());
            } finally {
              free.release();
              nudge(); // more may be waiting
            }
          });
    }
  }

  private List<VersionKey> claim(int limit) {
    Instant now = clock.instant();
    return store.inTransaction(
        tx -> tx.inspections().claimPending(now, now.plus(settings.lease()), limit));
  }

  /**
   * Claims and inspects pending versions on the caller's thread until none is left to claim (tools,
   * tests, a node without a pool).
   *
   * @return how many versions were inspected
   */
  public int inspectPending() {
    int done = 0;
    List<VersionKey> batch;
    while (!(batch = claim(16)).isEmpty()) {
      for (VersionKey key : batch) {
        inspect(key);
        done++;
      }
    }
    return done;
  }

  /**
   * Waits until no version is pending, helping on the caller's thread; for tools and tests that
   * need every verdict before they go on.
   *
   * @return false if versions were still pending after {@code limit}
   */
  public boolean awaitIdle(java.time.Duration limit) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (pending() > 0) {
      if (System.nanoTime() - until > 0) {
        return false;
      }
      if (inspectPending() == 0) {
        Thread.sleep(10); // a worker holds the rest; its verdict is moments away
      }
    }
    return true;
  }

  /** How many versions wait for their verdict. */
  public long pending() {
    return store.inTransaction(tx -> tx.inspections().countPending());
  }

  /** Reaches and records the verdict of one claimed version. */
  void inspect(VersionKey key) {
    Optional<Verdict> found = store.inTransaction(tx -> tx.inspections().find(key));
    if (found.isEmpty() || found.get().state() != InspectionState.PENDING) {
      return;
    }
    Verdict before = found.get();
    boolean lastAttempt = before.attempts() >= settings.maxAttempts();
    Extraction extraction;
    Optional<ScanResult> scan;
    try {
      extraction =
          content.readStored(
              key.file(), key.number(), (in, name) -> extractor.extract(in, name, inspector));
      scan =
          scanner.isPresent()
              ? Optional.of(
                  content.readStored(
                      key.file(), key.number(), (in, name) -> scanner.get().scan(in)))
              : Optional.empty();
    } catch (CordonException.Gone | CordonException.NotFound e) {
      record(key, before, outcome(before, InspectionState.UNSCANNABLE, "content no longer stored"));
      return;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (!lastAttempt) {
        LOG.warn(
            "inspection of {} v{} will be retried: {}", key.file(), key.number(), e.toString());
        return; // still pending; claimed again once the lease lapses
      }
      record(
          key,
          before,
          outcome(before, InspectionState.UNSCANNABLE, "the stored content could not be read"));
      return;
    }
    if (scan.isPresent() && scan.get() instanceof ScanResult.Failed failed && !lastAttempt) {
      LOG.warn("malware scan of {} v{} will be retried: {}", key.file(), key.number(), failed);
      return;
    }
    record(key, before, verdict(before, extraction, scan));
  }

  /** The verdict from what the extractor and the scanner said (docs/inspection.md, "Verdicts"). */
  Verdict verdict(Verdict before, Extraction extraction, Optional<ScanResult> scan) {
    Optional<TextInspection> text = extraction.inspection();
    Classification level = before.classification();
    TreeSet<String> types = new TreeSet<>(before.dataTypes());
    Map<String, Long> counts = Map.of();
    if (text.isPresent()) {
      level = level.max(text.get().label().classification());
      text.get().label().dataTypes().forEach(d -> types.add(d.code()));
      counts = text.get().counts();
    }
    boolean found = !counts.isEmpty();
    InspectionState state;
    Optional<String> detail = Optional.empty();
    switch (extraction.status()) {
      case COMPLETE -> state = found ? InspectionState.FLAGGED : InspectionState.CLEAN;
      case TRUNCATED -> {
        // Only part was read: findings flag it, but silence proves nothing.
        state = found ? InspectionState.FLAGGED : InspectionState.UNSCANNABLE;
        detail = Optional.of("only part of the content was inspected: " + extraction.detail());
      }
      case UNSCANNABLE -> {
        state = InspectionState.UNSCANNABLE;
        detail = Optional.of(extraction.detail());
      }
      case REJECTED -> {
        state = InspectionState.REJECTED;
        detail = Optional.of(extraction.detail());
      }
      default -> throw new IllegalStateException("unknown extraction status");
    }
    Optional<String> malware = Optional.empty();
    if (scan.isPresent()) {
      switch (scan.get()) {
        case ScanResult.Infected infected -> {
          state = InspectionState.INFECTED;
          malware = Optional.of(infected.signature());
          detail = Optional.of("the malware scanner found " + infected.signature());
        }
        case ScanResult.Failed failed -> {
          // Never silently clean: a file the scanner could not judge is unscannable.
          if (state == InspectionState.CLEAN || state == InspectionState.FLAGGED) {
            state = InspectionState.UNSCANNABLE;
          }
          detail = Optional.of("malware scan failed: " + failed.reason());
        }
        case ScanResult.Clean clean -> {}
      }
    }
    return new Verdict(
        state,
        level,
        List.copyOf(types),
        counts,
        Optional.of(extraction.mediaType()),
        detail,
        malware,
        before.attempts(),
        clock.instant());
  }

  private Verdict outcome(Verdict before, InspectionState state, String detail) {
    return new Verdict(
        state,
        before.classification(),
        before.dataTypes(),
        Map.of(),
        Optional.empty(),
        Optional.of(detail),
        Optional.empty(),
        before.attempts(),
        clock.instant());
  }

  private void record(VersionKey key, Verdict before, Verdict after) {
    Instant now = clock.instant();
    store.inTransaction(
        tx -> {
          // Another worker (a node whose lease lapsed while it still ran) may have finished first.
          Optional<Verdict> current = tx.inspections().find(key);
          if (current.isEmpty() || current.get().state() != InspectionState.PENDING) {
            return null;
          }
          tx.inspections().update(key, after);
          AuditObject object = ContentService.versionObject(tx, key.file(), key.number());
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("version", key.number());
          details.put("inspection", after.state().code());
          details.put("classification", after.classification().code());
          if (after.classification() != before.classification()) {
            details.put("classificationBefore", before.classification().code());
          }
          details.put("dataTypes", after.dataTypes());
          details.put("counts", after.counts());
          after.mediaType().ifPresent(m -> details.put("mediaType", m));
          after.detail().ifPresent(d -> details.put("detail", d));
          after.malware().ifPresent(m -> details.put("malware", m));
          tx.audit()
              .append(
                  AuditEvents.of(
                      SYSTEM,
                      now,
                      "file.inspect",
                      Optional.of(object),
                      AuditEvent.Outcome.SUCCESS,
                      Optional.empty(),
                      details));
          if (after.state() == InspectionState.INFECTED) {
            tx.audit()
                .append(
                    AuditEvents.of(
                        SYSTEM,
                        now,
                        "alert.raise",
                        Optional.of(object),
                        AuditEvent.Outcome.SUCCESS,
                        Optional.of(
                            "malware found in an uploaded file; the version is quarantined"),
                        Map.of(
                            "detector",
                            "malware",
                            "severity",
                            "high",
                            "version",
                            key.number(),
                            "malware",
                            after.malware().orElse(""))));
          }
          return null;
        });
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.interrupt();
    }
    if (workers != null) {
      workers.shutdownNow();
      try {
        workers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
