package io.cordon.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.witness.CheckpointRefused;
import io.cordon.audit.witness.CheckpointWitnessing;
import io.cordon.audit.witness.WitnessService;
import io.cordon.audit.witness.WitnessedLog;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cordon as a witness over HTTP: {@code POST /api/v1/witness/add-checkpoint} speaks
 * c2sp.org/tlog-witness exactly (a text body in, cosignature lines or the protocol's status codes
 * out, a 409 carrying the latest cosigned size as {@code text/x.tlog.size}); the witness key and
 * the administration of witnessed logs are ordinary JSON routes.
 */
final class WitnessRoutes {
  /** The largest add-checkpoint body: 63 proof lines and a checkpoint note fit many times over. */
  static final int MAX_BODY = 64 * 1024;

  private static final String PREFIX = "/api/v1/witness";

  private final WitnessService witness;

  WitnessRoutes(WitnessService witness) {
    this.witness = witness;
  }

  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.POST, PREFIX + "/add-checkpoint", Access.WITNESS, this::addCheckpoint),
        new Route(HandlerType.GET, PREFIX + "/key", Access.AUTHENTICATED, this::key),
        new Route(HandlerType.POST, PREFIX + "/logs", Access.AUTHENTICATED, this::addLog),
        new Route(HandlerType.GET, PREFIX + "/logs", Access.AUTHENTICATED, this::logs));
  }

  private void addCheckpoint(Context http, RequestContext rc) throws Exception {
    byte[] body;
    try (InputStream in = http.req().getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        LeftoverBody.discard(in); // so that a client still sending gets the answer below
        throw new CordonException.TooLarge(
            "an add-checkpoint body has at most " + MAX_BODY + " bytes");
      }
    }
    try {
      String cosignature = witness.addCheckpoint(rc, body);
      http.status(200).contentType("text/plain; charset=utf-8").result(cosignature);
    } catch (CheckpointRefused e) {
      refused(http, e);
    }
  }

  /** The protocol's answers to a refusal: a bare size for a 409, a problem otherwise. */
  private static void refused(Context http, CheckpointRefused e) {
    int status = e.reason().status();
    if (e.reason() == CheckpointRefused.Reason.CONFLICT) {
      http.status(status)
          .contentType(CheckpointWitnessing.SIZE_TYPE)
          .result(e.latestSize().orElse(0) + "\n");
      return;
    }
    String title = status == 422 ? "Unprocessable content" : Problems.title(status);
    Problems.write(http, status, e.type(), title, e.getMessage());
  }

  private void key(Context http, RequestContext rc) {
    http.contentType("text/plain; charset=utf-8");
    http.result(witness.publicKey(rc) + "\n");
  }

  private void addLog(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    WitnessedLog log = witness.addLog(rc, Json.text(body, "origin"), Json.text(body, "key"));
    http.status(201).json(view(log));
  }

  private void logs(Context http, RequestContext rc) {
    http.json(witness.logs(rc).stream().map(WitnessRoutes::view).toList());
  }

  private static Map<String, Object> view(WitnessedLog log) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("origin", log.origin());
    v.put("key", log.key().encoded());
    v.put("treeSize", log.treeSize());
    if (log.treeSize() > 0) {
      v.put("rootHash", Base64.getEncoder().encodeToString(log.rootHash()));
    }
    v.put("updated", log.updated());
    return v;
  }
}
