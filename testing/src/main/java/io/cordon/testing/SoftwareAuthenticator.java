package io.cordon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A WebAuthn authenticator and client in software, written from W3C WebAuthn Level 2 alone and
 * sharing no code with the server's verification (Yubico's library): one ES256 (EC P-256)
 * credential, attestation format {@code none} (§8.7), authenticator data as in §6.1 (rpIdHash,
 * flags UP, UV and AT, a big-endian signature counter, attested credential data with the COSE key
 * of RFC 9053 §7.1.1), client data JSON as in §5.8.1, CBOR written with Jackson's CBOR generator in
 * the canonical order of CTAP2. The answers are the JSON forms of {@code PublicKeyCredential} that
 * a browser's {@code toJSON()} gives.
 *
 * <p>Settable misbehaviour for hostile tests: another origin in client data, another rpId in the
 * rpIdHash, a counter moved back. Not thread-safe.
 */
public final class SoftwareAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final byte UP = 0x01;
  private static final byte UV = 0x04;
  private static final byte AT = 0x40;

  private final SecureRandom random = new SecureRandom();
  private String origin;
  private String rpIdOverride;
  private long counter;
  private KeyPair keys;
  private byte[] credentialId;
  private byte[] userHandle;

  /**
   * @param origin the origin the "browser" reports in client data, e.g. {@code
   *     https://localhost:8443}
   */
  public SoftwareAuthenticator(String origin) {
    this.origin = origin;
  }

  /** Reports another origin from now on (a phishing site relaying the ceremony). */
  public SoftwareAuthenticator origin(String newOrigin) {
    this.origin = newOrigin;
    return this;
  }

  /** Hashes this rpId instead of the one the options name (an authenticator fooled or broken). */
  public SoftwareAuthenticator rpIdOverride(String rpId) {
    this.rpIdOverride = rpId;
    return this;
  }

  /** Sets the signature counter; the next assertion signs {@code value + 1}. */
  public SoftwareAuthenticator counter(long value) {
    this.counter = value;
    return this;
  }

  public long counter() {
    return counter;
  }

  /** The credential id, base64url, once registered. */
  public String credentialId() {
    return B64URL.encodeToString(credentialId);
  }

  /**
   * Answers {@code navigator.credentials.create(options)}: makes a new key pair and returns the
   * registration response JSON.
   *
   * @param optionsJson {@code {"publicKey": {...}}} as the server sent it
   */
  public String register(String optionsJson) throws IOException, GeneralSecurityException {
    JsonNode pk = JSON.readTree(optionsJson).path("publicKey");
    String rpId = pk.path("rp").path("id").asText();
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"), random);
    keys = gen.generateKeyPair();
    credentialId = new byte[32];
    random.nextBytes(credentialId);
    userHandle = Base64.getUrlDecoder().decode(pk.path("user").path("id").asText());
    byte[] clientData = clientData("webauthn.create", pk.path("challenge").asText());

    ByteArrayOutputStream attested = new ByteArrayOutputStream();
    attested.write(new byte[16]); // AAGUID: all zero for attestation "none"
    attested.write(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
    attested.write(credentialId);
    attested.write(coseKey((ECPublicKey) keys.getPublic()));
    byte[] authData = authenticatorData(rpId, (byte) (UP | UV | AT), attested.toByteArray());

    ByteArrayOutputStream attestation = new ByteArrayOutputStream();
    try (CBORGenerator cbor = new CBORFactory().createGenerator(attestation)) {
      cbor.writeStartObject(null, 3);
      cbor.writeFieldName("fmt");
      cbor.writeString("none");
      cbor.writeFieldName("attStmt");
      cbor.writeStartObject(null, 0);
      cbor.writeEndObject();
      cbor.writeFieldName("authData");
      cbor.writeBinary(authData);
      cbor.writeEndObject();
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("clientDataJSON", B64URL.encodeToString(clientData));
    response.put("attestationObject", B64URL.encodeToString(attestation.toByteArray()));
    response.putArray("transports").add("internal");
    return credential(response).toString();
  }

  /**
   * Answers {@code navigator.credentials.get(options)} with this authenticator's credential,
   * advancing the counter by one.
   */
  public String authenticate(String optionsJson) throws IOException, GeneralSecurityException {
    if (keys == null) {
      throw new IllegalStateException("register first");
    }
    JsonNode pk = JSON.readTree(optionsJson).path("publicKey");
    byte[] clientData = clientData("webauthn.get", pk.path("challenge").asText());
    counter++;
    byte[] authData = authenticatorData(pk.path("rpId").asText(), (byte) (UP | UV), new byte[0]);
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initSign(keys.getPrivate());
    ecdsa.update(authData);
    ecdsa.update(sha256(clientData));
    ObjectNode response = JSON.createObjectNode();
    response.put("clientDataJSON", B64URL.encodeToString(clientData));
    response.put("authenticatorData", B64URL.encodeToString(authData));
    response.put("signature", B64URL.encodeToString(ecdsa.sign()));
    response.put("userHandle", B64URL.encodeToString(userHandle));
    return credential(response).toString();
  }

  private ObjectNode credential(ObjectNode response) {
    ObjectNode c = JSON.createObjectNode();
    c.put("type", "public-key");
    c.put("id", credentialId());
    c.put("rawId", credentialId());
    c.set("response", response);
    c.putObject("clientExtensionResults");
    return c;
  }

  private byte[] clientData(String type, String challenge) throws IOException {
    ObjectNode c = JSON.createObjectNode();
    c.put("type", type);
    c.put("challenge", challenge);
    c.put("origin", origin);
    c.put("crossOrigin", false);
    return JSON.writeValueAsBytes(c);
  }

  /** §6.1: rpIdHash (32) ‖ flags (1) ‖ signCount (4, big-endian) ‖ attested credential data. */
  private byte[] authenticatorData(String rpId, byte flags, byte[] attested) {
    String hashed = rpIdOverride != null ? rpIdOverride : rpId;
    return ByteBuffer.allocate(37 + attested.length)
        .put(sha256(hashed.getBytes(StandardCharsets.UTF_8)))
        .put(flags)
        .putInt((int) counter)
        .put(attested)
        .array();
  }

  /** RFC 9053 §7.1.1 EC2 key: {1: 2, 3: -7, -1: 1, -2: x, -3: y}, canonical key order. */
  private static byte[] coseKey(ECPublicKey key) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator cbor = new CBORFactory().createGenerator(out)) {
      cbor.writeStartObject(null, 5);
      cbor.writeFieldId(1);
      cbor.writeNumber(2);
      cbor.writeFieldId(3);
      cbor.writeNumber(-7);
      cbor.writeFieldId(-1);
      cbor.writeNumber(1);
      cbor.writeFieldId(-2);
      cbor.writeBinary(unsigned32(key.getW().getAffineX()));
      cbor.writeFieldId(-3);
      cbor.writeBinary(unsigned32(key.getW().getAffineY()));
      cbor.writeEndObject();
    }
    return out.toByteArray();
  }

  private static byte[] unsigned32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
