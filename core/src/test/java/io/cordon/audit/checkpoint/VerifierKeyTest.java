package io.cordon.audit.checkpoint;

import static io.cordon.audit.checkpoint.GoNoteVectors.ENOCH_VERIFIER;
import static io.cordon.audit.checkpoint.GoNoteVectors.PETER_VERIFIER;
import static io.cordon.audit.checkpoint.GoNoteVectors.SUMDB_VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.SharedVectors;
import io.cordon.context.CordonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierKeyTest {
  @Test
  void parse_goReferenceKeys_roundTrip() {
    VerifierKey peter = VerifierKey.parse(PETER_VERIFIER);

    assertThat(peter.name()).isEqualTo("PeterNeumann");
    assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
    assertThat(peter.encoded()).isEqualTo(PETER_VERIFIER);
    assertThat(VerifierKey.ed25519("PeterNeumann", peter.publicKey())).isEqualTo(peter);
    assertThat(VerifierKey.parse(ENOCH_VERIFIER).keyId()).isEqualTo(0xaf0cfe78);
    // The key's base64 holds '+' too: only the first two separate fields.
    assertThat(VerifierKey.parse(SUMDB_VERIFIER).encoded()).isEqualTo(SUMDB_VERIFIER);
  }

  @Test
  void parse_upperCaseKeyId_isAcceptedAsGoDoes() {
    String upper = PETER_VERIFIER.replace("c74f20a3", "c74f20a3".toUpperCase(Locale.ROOT));
    assertThat(VerifierKey.parse(upper).encoded()).isEqualTo(PETER_VERIFIER);
  }

  @Test
  void parse_everyManglingOfAGoodKey_isRejected() {
    // As Go's TestNewVerifier: every proper substring, and every single byte incremented.
    byte[] key = PETER_VERIFIER.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i <= key.length; i++) {
      for (int j = i + 1; j <= key.length; j++) {
        if (i != 0 || j != key.length) {
          assertRejected(new String(key, i, j - i, StandardCharsets.UTF_8));
        }
      }
    }
    for (int i = 0; i < key.length; i++) {
      key[i]++;
      assertRejected(new String(key, StandardCharsets.UTF_8));
      key[i]--;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Go's own: wrong key length and unknown algorithm, each with a matching key ID.
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+0xc74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n",
        "PeterNeumann+c74f20a3+ ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      })
  void parse_malformedKey_isRejected(String encoded) {
    assertRejected(encoded);
  }

  @Test
  void ed25519_invalidNames_areRejected() {
    byte[] key = VerifierKey.parse(PETER_VERIFIER).publicKey();
    for (String name :
        new String[] {"", "a+b", "a b", "a\u00a0b", "a\u2028b", "a\tb", "a\u0001b", "a\ud800"}) {
      assertThatThrownBy(() -> VerifierKey.ed25519(name, key))
          .as(name)
          .isInstanceOf(CordonException.InvalidInput.class);
    }
    assertThatThrownBy(() -> VerifierKey.ed25519("ok", new byte[31]))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void verifies_wycheproofEd25519Vectors() throws IOException {
    // The Ed25519 underneath (Tink) must refuse malleable and malformed signatures.
    JsonNode suite =
        new ObjectMapper().readTree(SharedVectors.file("wycheproof/ed25519_test.json").toFile());
    HexFormat hex = HexFormat.of();
    int run = 0;
    for (JsonNode group : suite.get("testGroups")) {
      VerifierKey key =
          VerifierKey.ed25519(
              "wycheproof", hex.parseHex(group.get("publicKey").get("pk").asText()));
      for (JsonNode test : group.get("tests")) {
        boolean valid = test.get("result").asText().equals("valid");
        assertThat(
                key.verifies(
                    hex.parseHex(test.get("msg").asText()), hex.parseHex(test.get("sig").asText())))
            .as("tcId %d %s", test.get("tcId").asInt(), test.get("comment").asText())
            .isEqualTo(valid);
        run++;
      }
    }
    assertThat(run).isEqualTo(suite.get("numberOfTests").asInt());
  }

  private static void assertRejected(String encoded) {
    assertThatThrownBy(() -> VerifierKey.parse(encoded))
        .as(encoded)
        .isInstanceOf(CordonException.InvalidInput.class);
  }
}
