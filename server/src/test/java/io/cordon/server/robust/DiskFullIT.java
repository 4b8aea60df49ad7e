package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob store's disk fills up during an upload. The blob directory ({@code blobs.dir}) is a 64
 * MiB tmpfs mounted for the test (needs root or CAP_SYS_ADMIN; without it the class is skipped,
 * except under CI, where it fails), the metadata database stays on the ordinary disk. The client
 * gets a clear problem answer (507, type {@code insufficient-storage}), nothing of the upload stays
 * visible or on disk, the failure is audited, and once space is free again uploads succeed.
 */
class DiskFullIT {
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;
  private Path disk;
  private boolean mounted;
  private InProcessCordon cordon;
  private Client admin;
  private String ws;
  private BlobDirectory blobs;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    disk = Files.createDirectories(dir.resolve("small-disk"));
    String failure = mount(disk);
    if (failure != null) {
      String why = "cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): " + failure;
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI needs it");
      }
      Assumptions.abort(why + "; skipping the disk-full scenarios");
    }
    mounted = true;
    cordon =
        InProcessCordon.start(
            dir.resolve("data"), Database.SQLITE, Map.of("CORDON_BLOBS_DIR", disk.toString()));
    admin = cordon.admin();
    ws = admin.workspace("full disk");
    blobs = new BlobDirectory(disk);
  }

  /** Mounts a 64 MiB tmpfs on {@code at}; answers why not, or null when it is mounted. */
  private static String mount(Path at) throws InterruptedException {
    try {
      Process mount =
          new ProcessBuilder(
                  "mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", at.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!mount.waitFor(30, TimeUnit.SECONDS)) {
        mount.destroyForcibly();
        return "mount did not finish";
      }
      return mount.exitValue() == 0 ? null : output.strip();
    } catch (IOException e) {
      return e.getMessage(); // no mount command at all
    }
  }

  @AfterEach
  void unmount() throws Exception {
    try {
      if (cordon != null) {
        cordon.close();
      }
    } finally {
      if (mounted) {
        Process umount = new ProcessBuilder("umount", disk.toString()).inheritIO().start();
        if (!umount.waitFor(30, TimeUnit.SECONDS) || umount.exitValue() != 0) {
          new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
        }
      }
    }
  }

  @Test
  void upload_largerThanTheDisk_refusedWithInsufficientStorage_andNothingKept() throws Exception {
    MarkedContent huge = new MarkedContent("DISK-FULL-MARKER", 96 * MIB);
    Client.Answer refused = admin.upload(ws, "stability data.bin", huge.length(), huge::stream);

    assertInsufficientStorage(refused);
    assertNothingKept("stability data.bin");

    // The failed upload gave its space back at once: a smaller file fits now.
    MarkedContent small = new MarkedContent("DISK-FULL-MARKER", 8 * MIB);
    Client.Answer up = admin.upload(ws, "stability data.bin", small.length(), small::stream);
    assertThat(up.status()).as("upload after the failure: %s", up).isEqualTo(201);
    assertThat(up.body().path("version").asInt()).isEqualTo(1);
    assertThat(admin.download(up.body().path("id").asText(), 1)).isEqualTo(small.bytes());
  }

  @Test
  void upload_diskAlmostFull_refused_thenSucceedsOnceSpaceIsFreed() throws Exception {
    Path filler = disk.resolve("someone else's file");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[(int) MIB];
      for (int i = 0; i < 58; i++) {
        out.write(block);
      }
    }
    MarkedContent content = new MarkedContent("DISK-FULL-MARKER", 16 * MIB);
    Client.Answer refused = admin.upload(ws, "CoA.pdf", content.length(), content::stream);
    assertInsufficientStorage(refused);
    assertNothingKept("CoA.pdf");

    Files.delete(filler);
    Client.Answer up = admin.upload(ws, "CoA.pdf", content.length(), content::stream);
    assertThat(up.status()).as("upload after freeing space: %s", up).isEqualTo(201);
    assertThat(up.body().path("version").asInt()).isEqualTo(1);
    assertThat(up.body().path("sha256").asText()).isEqualTo(content.sha256());
    assertThat(admin.download(up.body().path("id").asText(), 1)).isEqualTo(content.bytes());
    assertThat(admin.files(ws)).hasSize(1);
  }

  private static void assertInsufficientStorage(Client.Answer a) {
    assertThat(a.status()).as("answer: %s", a).isEqualTo(507);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.problemType()).endsWith("/insufficient-storage");
    assertThat(a.body().path("detail").asText()).containsIgnoringCase("space");
  }

  private void assertNothingKept(String name) throws Exception {
    Polling.await("the temporary blob is removed", () -> blobs.temporaries().isEmpty());
    assertThat(admin.files(ws)).as("listing").isEmpty();
    assertThat(blobs.published()).as("published blobs").isEmpty();
    List<JsonNode> events = admin.events("file.upload", name);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().path("outcome").asText()).isEqualTo("error");
    assertThat(events.getFirst().path("reason").asText()).containsIgnoringCase("space");
  }
}
