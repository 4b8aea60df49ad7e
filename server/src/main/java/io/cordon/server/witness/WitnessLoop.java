package io.cordon.server.witness;

import io.cordon.audit.AuditTree;
import io.cordon.audit.CheckpointSink;
import io.cordon.audit.StoredCheckpoint;
import io.cordon.audit.witness.CheckpointWitnessing;
import io.cordon.audit.witness.Witness;
import io.cordon.audit.witness.WitnessTransport;
import io.cordon.context.CordonException;
import io.cordon.server.config.CordonConfig;
import io.cordon.server.config.WitnessSetting;
import io.cordon.storage.MetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits new checkpoints to the configured witnesses on its own virtual thread, so that network
 * waits never hold up checkpoint signing or appends: {@link #offer} only queues. When several
 * checkpoints are waiting, only the newest is submitted (a cosignature of it covers the others'
 * consistency). A failed submission is logged and the next checkpoint tries again. With no
 * witnesses configured there is no thread and offers are dropped.
 */
public final class WitnessLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WitnessLoop.class);

  private final CheckpointWitnessing witnessing;
  private final LinkedBlockingQueue<StoredCheckpoint> pending = new LinkedBlockingQueue<>();
  private final Thread thread;

  private WitnessLoop(CheckpointWitnessing witnessing) {
    this.witnessing = witnessing;
    this.thread =
        witnessing.hasWitnesses()
            ? Thread.ofVirtual().name("cordon-witnessing").start(this::run)
            : null;
  }

  /**
   * Starts the loop for the witnesses of {@code audit}; reads their token files now, so that a
   * missing one stops start-up with a clear message.
   */
  public static WitnessLoop start(
      CordonConfig.Audit audit, MetadataStore store, AuditTree tree, CheckpointSink export) {
    List<WitnessSetting> settings = audit.witnesses();
    Map<String, String> tokens = new HashMap<>();
    for (WitnessSetting w : settings) {
      w.tokenFile().ifPresent(file -> tokens.put(w.name(), token(w, file)));
    }
    WitnessTransport transport =
        settings.isEmpty()
            ? (witness, body) -> {
              throw new IllegalStateException("no witnesses");
            }
            : new HttpWitnessTransport(
                WitnessTrust.context(audit.witnessCa()), audit.witnessTimeout(), tokens);
    List<Witness> witnesses = settings.stream().map(w -> new Witness(w.key(), w.url())).toList();
    return new WitnessLoop(new CheckpointWitnessing(store, tree, witnesses, transport, export));
  }

  /** Queues a signed checkpoint for the witnesses; never blocks. */
  public void offer(StoredCheckpoint checkpoint) {
    if (thread != null) {
      pending.offer(checkpoint);
    }
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        StoredCheckpoint newest = pending.take();
        for (StoredCheckpoint next; (next = pending.poll()) != null; ) {
          newest = next.treeSize() > newest.treeSize() ? next : newest;
        }
        int added = witnessing.submit(newest);
        LOG.debug("{} new cosignatures of the checkpoint of {}", added, newest.treeSize());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("witnessing failed: {}", e.toString());
      }
    }
  }

  private static String token(WitnessSetting w, java.nio.file.Path file) {
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.isEmpty() || token.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
        throw new CordonException.InvalidInput(
            "audit.witnesses: the token-file of witness '" + w.name() + "' holds no token");
      }
      return token;
    } catch (IOException e) {
      throw new CordonException.InvalidInput(
          "audit.witnesses: cannot read the token-file of witness '" + w.name() + "': " + file);
    }
  }

  /** Stops the loop; a submission in flight is abandoned (the next start submits the newest). */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
