package io.cordon.server.web;

import io.cordon.audit.AuditEventCodec;
import io.cordon.content.FileDetails;
import io.cordon.content.FileVersion;
import io.cordon.content.Files.FileListing;
import io.cordon.content.Membership;
import io.cordon.content.StoredFile;
import io.cordon.content.Workspace;
import io.cordon.identity.Organisation;
import io.cordon.identity.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of API.md for domain values. Never includes hashes of secrets or keys. */
final class Views {
  private Views() {}

  static Map<String, Object> organisation(Organisation o) {
    return map(
        "id",
        o.id().value(),
        "name",
        o.name(),
        "kind",
        o.kind().code(),
        "created",
        AuditEventCodec.formatTime(o.created()));
  }

  static Map<String, Object> user(User u) {
    return map(
        "id",
        u.id().value(),
        "username",
        u.username(),
        "displayName",
        u.printedName(),
        "email",
        u.email(),
        "org",
        u.org().value(),
        "roles",
        u.roles().stream().sorted().toList(),
        "status",
        u.status().code(),
        "mfa",
        u.totpEnabled() ? List.of("totp") : List.of(),
        "created",
        AuditEventCodec.formatTime(u.created()));
  }

  static Map<String, Object> workspace(Workspace w) {
    return map(
        "id",
        w.id().value(),
        "name",
        w.name(),
        "classification",
        w.classification().code(),
        "region",
        w.region(),
        "created",
        AuditEventCodec.formatTime(w.created()));
  }

  static Map<String, Object> membership(Membership m) {
    return map(
        "workspace",
        m.workspace().value(),
        "user",
        m.user().value(),
        "role",
        m.role().code(),
        "added",
        AuditEventCodec.formatTime(m.added()));
  }

  static Map<String, Object> version(FileVersion v) {
    return map(
        "version",
        v.number(),
        "size",
        v.size(),
        "sha256",
        v.sha256(),
        "classification",
        v.classification().code(),
        "dataTypes",
        v.dataTypes(),
        "createdBy",
        v.createdBy().value(),
        "created",
        AuditEventCodec.formatTime(v.created()));
  }

  /** The upload answer of API.md: {id, version, size, sha256, classification, dataTypes}. */
  static Map<String, Object> uploaded(FileVersion v, String name) {
    Map<String, Object> m = map("id", v.file().value(), "name", name);
    m.putAll(version(v));
    // Every new version waits for its verdict off the request thread (docs/inspection.md).
    m.put("inspection", io.cordon.inspect.InspectionState.PENDING.code());
    return m;
  }

  static Map<String, Object> listing(FileListing l) {
    Map<String, Object> m = file(l.file());
    m.putAll(version(l.latest()));
    return m;
  }

  static Map<String, Object> details(FileDetails d) {
    Map<String, Object> m = file(d.file());
    m.putAll(version(d.latest()));
    m.put("versions", d.versions().stream().map(Views::version).toList());
    return m;
  }

  private static Map<String, Object> file(StoredFile f) {
    return map("id", f.id().value(), "name", f.name(), "workspace", f.workspace().value());
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
