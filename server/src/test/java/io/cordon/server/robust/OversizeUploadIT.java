package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body larger than {@code upload.max-bytes}, streamed by a client that does not stop when the
 * server refuses it: the client still gets the clear answer (413, problem type {@code too-large},
 * naming the setting) rather than a broken connection, nothing is kept, the refusal is audited, and
 * a file of exactly the limit is accepted.
 */
class OversizeUploadIT {
  private static final long LIMIT = 4L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void upload_overTheLimit_tooLargeAndNothingKept() throws Exception {
    try (InProcessCordon cordon =
        InProcessCordon.start(
            dir.resolve("data"),
            Database.SQLITE,
            Map.of("CORDON_UPLOAD_MAX_BYTES", Long.toString(LIMIT)))) {
      Client admin = cordon.admin();
      String ws = admin.workspace("limits");
      MarkedContent tooBig = new MarkedContent("OVERSIZE-MARKER", 3 * LIMIT);

      Client.Answer refused = admin.upload(ws, "raw data.bin", tooBig.length(), tooBig::stream);

      assertThat(refused.status()).as("answer: %s", refused).isEqualTo(413);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.problemType()).endsWith("/too-large");
      assertThat(refused.body().path("detail").asText()).contains("upload.max-bytes");
      BlobDirectory blobs = new BlobDirectory(cordon.dataDir.resolve("blobs"));
      assertThat(blobs.temporaries()).isEmpty();
      assertThat(blobs.published()).isEmpty();
      assertThat(admin.files(ws)).isEmpty();
      List<JsonNode> events = admin.events("file.upload", "raw data.bin");
      assertThat(events).hasSize(1);
      assertThat(events.getFirst().path("outcome").asText()).isEqualTo("error");
      assertThat(events.getFirst().path("reason").asText()).contains("upload limit");

      MarkedContent atTheLimit = new MarkedContent("OVERSIZE-MARKER", LIMIT);
      Client.Answer up = admin.upload(ws, "raw data.bin", atTheLimit.length(), atTheLimit::stream);
      assertThat(up.status()).as("upload of exactly the limit: %s", up).isEqualTo(201);
      assertThat(up.body().path("version").asInt()).isEqualTo(1);
      assertThat(admin.download(up.body().path("id").asText(), 1)).isEqualTo(atTheLimit.bytes());
    }
  }
}
