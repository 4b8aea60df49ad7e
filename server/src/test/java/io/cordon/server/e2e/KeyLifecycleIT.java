package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditRecord;
import io.cordon.content.FileVersion;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.crypto.KeyService;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key lifecycle at the service level, on a real node (sealed vault, SQLite, local blobs):
 * crypto-shredding a workspace makes every version of every file in it unreadable and nothing else;
 * rotation re-wraps data keys so every version still reads byte for byte. Both are audited.
 */
class KeyLifecycleIT {
  private static final String ADMIN = "admin@home.example";

  Node node;
  RequestContext admin;

  @BeforeEach
  void start(@TempDir Path dir) {
    node =
        Node.create(
            new ConfigLoader(Map.of()).load(dir.resolve("data"), Optional.empty()),
            Node.Unseal.none(),
            Clock.systemUTC());
    node.installation().initialise("Home", ADMIN, "correct horse battery staple".toCharArray());
    admin = node.installation().localContextFor(ADMIN);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void shred_oneWorkspace_everyVersionUnreadableOthersUnaffectedAndAudited() throws Exception {
    Space doomedSpace = populate("doomed", 3, 2);
    Map<FileVersion, byte[]> doomed = doomedSpace.versions();
    Map<FileVersion, byte[]> kept = populate("kept", 2, 2).versions();
    WorkspaceId victim = doomedSpace.id();

    node.keyService().shred(admin, victim);

    for (FileVersion v : doomed.keySet()) {
      assertThatThrownBy(() -> read(v))
          .as("version %d of %s", v.number(), v.file())
          .isInstanceOf(CordonException.Gone.class)
          .hasMessageContaining("destroyed")
          .hasMessageContaining("cannot be recovered");
    }
    for (Map.Entry<FileVersion, byte[]> e : kept.entrySet()) {
      assertThat(read(e.getKey())).isEqualTo(e.getValue());
    }
    // A shredded workspace cannot be rotated back to life, nor shredded twice.
    assertThatThrownBy(() -> node.keyService().rotate(admin, victim))
        .isInstanceOf(CordonException.Conflict.class);
    assertThatThrownBy(() -> node.keyService().shred(admin, victim))
        .isInstanceOf(CordonException.Conflict.class);

    List<AuditEvent> destroy =
        events("key.destroy").stream()
            .filter(e -> e.outcome() == AuditEvent.Outcome.SUCCESS)
            .toList();
    assertThat(destroy).hasSize(1);
    assertThat(events("key.destroy"))
        .filteredOn(e -> e.outcome() == AuditEvent.Outcome.ERROR)
        .hasSize(1);
    // Every refused read is on the trail as an error, and none of them as a granted download.
    assertThat(events("file.download"))
        .filteredOn(e -> e.outcome() == AuditEvent.Outcome.ERROR)
        .hasSize(doomed.size());
    assertThat(events("file.download"))
        .filteredOn(e -> e.outcome() == AuditEvent.Outcome.SUCCESS)
        .filteredOn(
            e -> e.object().map(o -> o.workspace().orElse("")).orElse("").equals(victim.value()))
        .isEmpty();
    assertThat(destroy.get(0).object())
        .hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(victim.value()));
  }

  @Test
  void rotate_workspaceWithVersions_allVersionsByteIdenticalAndAuditedWithCount() throws Exception {
    Space rotating = populate("rotating", 3, 3);
    Map<FileVersion, byte[]> files = rotating.versions();
    Map<FileVersion, byte[]> other = populate("untouched", 1, 2).versions();
    WorkspaceId ws = rotating.id();

    KeyService.Rotation first = node.keyService().rotate(admin, ws);
    assertThat(first.rewrapped()).isEqualTo(9);
    KeyService.Rotation second = node.keyService().rotate(admin, ws);
    assertThat(second.primaryKeyId()).isNotEqualTo(first.primaryKeyId());

    for (Map.Entry<FileVersion, byte[]> e : files.entrySet()) {
      assertThat(read(e.getKey())).isEqualTo(e.getValue());
    }
    for (Map.Entry<FileVersion, byte[]> e : other.entrySet()) {
      assertThat(read(e.getKey())).isEqualTo(e.getValue());
    }
    // New uploads after rotation are written under the new primary key and read back too.
    byte[] fresh = bytes(4096, 99);
    FileVersion after =
        node.content().upload(admin, ws, "after-rotation.bin", new ByteArrayInputStream(fresh));
    assertThat(read(after)).isEqualTo(fresh);

    List<AuditEvent> rotations = events("key.rotate");
    assertThat(rotations).hasSize(2);
    assertThat(rotations)
        .allSatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
              assertThat(((Number) e.details().get("rewrapped")).intValue()).isEqualTo(9);
              assertThat(e.object())
                  .hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(ws.value()));
            });
  }

  /** A workspace and the content of every version stored in it. */
  private record Space(WorkspaceId id, Map<FileVersion, byte[]> versions) {}

  /** A workspace with {@code files} files of {@code versions} versions each, random content. */
  private Space populate(String name, int files, int versions) throws Exception {
    Workspace ws = node.workspaces().create(admin, name, Optional.empty(), Optional.empty());
    Map<FileVersion, byte[]> out = new LinkedHashMap<>();
    for (int f = 0; f < files; f++) {
      for (int v = 0; v < versions; v++) {
        byte[] content = bytes(70_000 + 1000 * f + v, name.hashCode() * 31L + f * 7L + v);
        FileVersion stored =
            node.content()
                .upload(admin, ws.id(), "file-" + f + ".bin", new ByteArrayInputStream(content));
        assertThat(stored.number()).isEqualTo(v + 1);
        out.put(stored, content);
      }
    }
    return new Space(ws.id(), out);
  }

  private byte[] read(FileVersion v) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    node.content().download(admin, v.file(), OptionalInt.of(v.number())).writeTo(out);
    return out.toByteArray();
  }

  private List<AuditEvent> events(String action) {
    RequestContext op = node.installation().operatorContext();
    List<AuditEvent> found = new ArrayList<>();
    long from = 1;
    while (true) {
      List<AuditEvent> page =
          node.audit().events(op, from, 1000).stream().map(AuditRecord::event).toList();
      page.stream().filter(e -> e.action().equals(action)).forEach(found::add);
      if (page.size() < 1000) {
        return found;
      }
      from = page.getLast().seq() + 1;
    }
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
