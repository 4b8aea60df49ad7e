package io.cordon.store.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.context.CordonException;
import io.cordon.crypto.DecryptionFailure;
import io.cordon.testing.PublishedVectors;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The vaults' AES-256-GCM envelope against Project Wycheproof's AES-GCM vectors. */
class GcmEnvelopeTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void open_wycheproofAes256Iv96Vectors_matchExpectedResults() throws Exception {
    JsonNode root =
        new ObjectMapper().readTree(PublishedVectors.file("wycheproof/aes_gcm_test.json").toFile());
    int checked = 0;
    for (JsonNode group : root.get("testGroups")) {
      if (group.get("keySize").asInt() != 256
          || group.get("ivSize").asInt() != 96
          || group.get("tagSize").asInt() != 128) {
        continue;
      }
      for (JsonNode test : group.get("tests")) {
        SecretKeySpec key = new SecretKeySpec(hex(test, "key"), "AES");
        byte[] iv = hex(test, "iv");
        byte[] ct = hex(test, "ct");
        byte[] tag = hex(test, "tag");
        byte[] envelope =
            ByteBuffer.allocate(1 + iv.length + ct.length + tag.length)
                .put(GcmEnvelope.VERSION)
                .put(iv)
                .put(ct)
                .put(tag)
                .array();
        String id = "tcId " + test.get("tcId").asInt();
        if ("valid".equals(test.get("result").asText())) {
          assertThat(GcmEnvelope.open(key, null, envelope, hex(test, "aad")))
              .as(id)
              .isEqualTo(hex(test, "msg"));
        } else {
          assertThatThrownBy(() -> GcmEnvelope.open(key, null, envelope, hex(test, "aad")))
              .as(id)
              .isInstanceOf(CordonException.IntegrityViolation.class)
              .hasMessage(DecryptionFailure.MESSAGE);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  private static byte[] hex(JsonNode test, String field) {
    return HEX.parseHex(test.get(field).asText());
  }
}
