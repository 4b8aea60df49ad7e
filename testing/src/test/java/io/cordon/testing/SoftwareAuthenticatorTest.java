package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The software authenticator's output read back by the layout of WebAuthn Level 2 §6.1 and §6.5.4
 * (not by the server's library): attestation object, authenticator data, COSE key, client data, and
 * an assertion signature that verifies with the registered public key.
 */
class SoftwareAuthenticatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder B64 = Base64.getUrlDecoder();
  private static final String CREATE =
      "{\"publicKey\":{\"rp\":{\"id\":\"cordon.example\",\"name\":\"Cordon\"},"
          + "\"user\":{\"id\":\"dV94eHh4\",\"name\":\"a\",\"displayName\":\"A\"},"
          + "\"challenge\":\"Y2hhbGxlbmdlLTE\"}}";
  private static final String GET =
      "{\"publicKey\":{\"rpId\":\"cordon.example\",\"challenge\":\"Y2hhbGxlbmdlLTI\"}}";

  @Test
  void register_attestationNone_authenticatorDataLaidOutPerSpec() throws Exception {
    SoftwareAuthenticator a = new SoftwareAuthenticator("https://cordon.example");
    JsonNode r = JSON.readTree(a.register(CREATE)).path("response");

    JsonNode clientData = JSON.readTree(B64.decode(r.path("clientDataJSON").asText()));
    assertThat(clientData.path("type").asText()).isEqualTo("webauthn.create");
    assertThat(clientData.path("challenge").asText()).isEqualTo("Y2hhbGxlbmdlLTE");
    assertThat(clientData.path("origin").asText()).isEqualTo("https://cordon.example");

    JsonNode att = new CBORMapper().readTree(B64.decode(r.path("attestationObject").asText()));
    assertThat(att.path("fmt").asText()).isEqualTo("none");
    assertThat(att.path("attStmt").size()).isZero();
    byte[] authData = att.path("authData").binaryValue();
    assertThat(Arrays.copyOf(authData, 32)).isEqualTo(sha256("cordon.example"));
    assertThat(authData[32]).isEqualTo((byte) 0x45); // UP | UV | AT
    assertThat(ByteBuffer.wrap(authData, 33, 4).getInt()).isZero();
    int idLength = ByteBuffer.wrap(authData, 53, 2).getShort();
    assertThat(B64.decode(a.credentialId()))
        .isEqualTo(Arrays.copyOfRange(authData, 55, 55 + idLength));
    JsonNode cose =
        new CBORMapper().readTree(Arrays.copyOfRange(authData, 55 + idLength, authData.length));
    assertThat(cose.path("1").asInt()).isEqualTo(2); // kty EC2
    assertThat(cose.path("3").asInt()).isEqualTo(-7); // ES256
    assertThat(cose.path("-1").asInt()).isEqualTo(1); // P-256
    assertThat(cose.path("-2").binaryValue()).hasSize(32);
    assertThat(cose.path("-3").binaryValue()).hasSize(32);
  }

  @Test
  void authenticate_signatureOverAuthDataAndClientDataHash_verifiesAndCounterGrows()
      throws Exception {
    SoftwareAuthenticator a = new SoftwareAuthenticator("https://cordon.example");
    JsonNode reg = JSON.readTree(a.register(CREATE)).path("response");
    byte[] regAuth =
        new CBORMapper()
            .readTree(B64.decode(reg.path("attestationObject").asText()))
            .path("authData")
            .binaryValue();
    int idLength = ByteBuffer.wrap(regAuth, 53, 2).getShort();
    JsonNode cose =
        new CBORMapper().readTree(Arrays.copyOfRange(regAuth, 55 + idLength, regAuth.length));
    ECPublicKey key = publicKey(cose.path("-2").binaryValue(), cose.path("-3").binaryValue());

    for (int expected = 1; expected <= 2; expected++) {
      JsonNode r = JSON.readTree(a.authenticate(GET)).path("response");
      byte[] authData = B64.decode(r.path("authenticatorData").asText());
      byte[] clientData = B64.decode(r.path("clientDataJSON").asText());
      assertThat(authData).hasSize(37);
      assertThat(authData[32]).isEqualTo((byte) 0x05); // UP | UV
      assertThat(ByteBuffer.wrap(authData, 33, 4).getInt()).isEqualTo(expected);
      assertThat(JSON.readTree(clientData).path("type").asText()).isEqualTo("webauthn.get");
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key);
      ecdsa.update(authData);
      ecdsa.update(MessageDigest.getInstance("SHA-256").digest(clientData));
      assertThat(ecdsa.verify(B64.decode(r.path("signature").asText()))).isTrue();
      assertThat(B64.decode(r.path("userHandle").asText()))
          .isEqualTo("u_xxxx".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void misbehaviour_wrongRpIdAndCounterBack_showInAuthenticatorData() throws Exception {
    SoftwareAuthenticator a = new SoftwareAuthenticator("https://cordon.example");
    a.register(CREATE);
    a.rpIdOverride("evil.example").counter(41);
    byte[] authData =
        B64.decode(
            JSON.readTree(a.authenticate(GET)).path("response").path("authenticatorData").asText());
    assertThat(Arrays.copyOf(authData, 32)).isEqualTo(sha256("evil.example"));
    assertThat(ByteBuffer.wrap(authData, 33, 4).getInt()).isEqualTo(42);
  }

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ECPublicKey publicKey(byte[] x, byte[] y) throws Exception {
    java.security.AlgorithmParameters p = java.security.AlgorithmParameters.getInstance("EC");
    p.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
    java.security.spec.ECParameterSpec spec =
        p.getParameterSpec(java.security.spec.ECParameterSpec.class);
    return (ECPublicKey)
        KeyFactory.getInstance("EC")
            .generatePublic(
                new ECPublicKeySpec(
                    new ECPoint(new java.math.BigInteger(1, x), new java.math.BigInteger(1, y)),
                    spec));
  }
}
