package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that promises a body and goes away half-way: the upload is refused and forgotten at
 * once. Afterwards no file and no version are visible, the temporary blob is gone (removed by the
 * failed upload itself, not left for the sweeper), the failure is in the audit trail with outcome
 * {@code error}, and the server goes on serving, the same name included.
 */
class ClientDisconnectIT {
  private static final long LENGTH = 16L * 1024 * 1024;

  @TempDir Path dir;

  /** How the client goes away. */
  enum Departure {
    /** TCP reset, no TLS close: a crashed client or a dropped network path. */
    RESET,
    /** A polite TLS close_notify and FIN, with the body still incomplete. */
    HANG_UP
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void upload_clientResetsMidBody_nothingKeptAndFailureAudited(Database db) throws Exception {
    disconnectMidBody(db, Departure.RESET);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void upload_clientHangsUpMidBody_nothingKeptAndFailureAudited(Database db) throws Exception {
    disconnectMidBody(db, Departure.HANG_UP);
  }

  private void disconnectMidBody(Database db, Departure departure) throws Exception {
    try (InProcessCordon cordon = InProcessCordon.start(dir.resolve("data"), db, Map.of())) {
      Client admin = cordon.admin();
      String ws = admin.workspace("disconnects");
      BlobDirectory blobs = new BlobDirectory(cordon.dataDir.resolve("blobs"));
      MarkedContent content = new MarkedContent("DISCONNECT-PLAINTEXT-MARKER", LENGTH);

      try (InputStream body = content.stream();
          RawUpload upload = RawUpload.begin(admin, ws, "batch record.bin", LENGTH)) {
        upload.send(body, LENGTH / 2);
        Polling.await("the server is writing the upload", () -> blobs.temporaryBytes() > 0);
        switch (departure) {
          case RESET -> upload.reset();
          case HANG_UP -> upload.hangUp();
        }
      }

      Polling.await("the failed upload is audited", () -> !uploadEvents(admin).isEmpty());
      // The upload removes its temporary before it records the failure: no sweeper involved.
      assertThat(blobs.temporaries()).as("temporaries once the failure is audited").isEmpty();
      List<JsonNode> events = uploadEvents(admin);
      assertThat(events).as("file.upload events").hasSize(1);
      JsonNode failed = events.getFirst();
      assertThat(failed.path("outcome").asText()).isEqualTo("error");
      assertThat(failed.path("reason").asText())
          .startsWith("upload did not complete")
          .contains("cut short");
      assertThat(failed.path("details").path("bytes").asLong())
          .as("bytes that arrived before the client went away")
          .isPositive()
          .isLessThan(LENGTH);
      assertThat(failed.path("actor").path("username").asText()).isEqualTo(InProcessCordon.ADMIN);

      assertThat(admin.files(ws)).as("listing").isEmpty();
      assertThat(blobs.published()).as("published blobs").isEmpty();
      String fileId = failed.path("object").path("id").asText();
      assertThat(admin.get("/api/v1/files/" + fileId).status()).isEqualTo(404);
      assertThat(admin.get("/api/v1/files/" + fileId + "/content").status()).isEqualTo(404);

      // The server goes on serving, and the name is free for a complete upload (version 1).
      Client.Answer up = admin.upload(ws, "batch record.bin", content.length(), content::stream);
      assertThat(up.status()).as("upload after the disconnect: %s", up).isEqualTo(201);
      assertThat(up.body().path("version").asInt()).isEqualTo(1);
      assertThat(up.body().path("sha256").asText()).isEqualTo(content.sha256());
      assertThat(admin.download(up.body().path("id").asText(), 1)).isEqualTo(content.bytes());
      assertThat(admin.files(ws)).hasSize(1);
      assertThat(uploadEvents(admin))
          .extracting(e -> e.path("outcome").asText())
          .containsExactly("error", "success");
      assertThat(blobs.temporaries()).isEmpty();
      assertThat(BlobDirectory.filesContaining(cordon.dataDir, content.markerBytes()))
          .as("files holding plaintext")
          .isEmpty();
    }
  }

  private static List<JsonNode> uploadEvents(Client admin) throws Exception {
    return admin.events("file.upload", "batch record.bin");
  }
}
