package io.cordon.identity;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.Classification;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.AuditEvents;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Device recognition: a per-device credential (a random secret the browser keeps in a long-lived
 * cookie) registered to a user when they log in on it, bound to the session opened there, and
 * presented with every request, so the policy can tell a known device from a new one ({@link
 * RequestContext#deviceTrusted()}). Only the SHA-256 of the secret is stored; the audit trail names
 * the device id, never the secret. API tokens have no device: the token is the credential.
 *
 * <p>Registering and revoking one's own devices is self-service on one's own credentials, like TOTP
 * enrolment, and audited in the same transaction ({@code device.register}, {@code device.revoke});
 * revoking another user's device is administration and goes through the one door. Thread-safe.
 */
public final class DeviceService {
  private static final int LABEL_MAX = 120;

  private final OneDoor door;
  private final MetadataStore store;
  private final SecretTokens secrets = new SecretTokens();

  public DeviceService(OneDoor door, MetadataStore store) {
    this.door = door;
    this.store = store;
  }

  /**
   * The device of a session that has just been fully authenticated: the presented credential if it
   * belongs to the session's user and is not revoked, else a newly registered device. The session
   * is bound to it.
   *
   * @param ctx the request (its subject may still be empty: the login request itself)
   * @param presented the device cookie the client sent, if any
   * @return the device, and the new secret to set as the cookie when one was issued
   */
  public Recognised recognise(RequestContext ctx, String sessionId, Optional<String> presented) {
    Instant now = door.clock().instant();
    return store.inTransaction(
        tx -> {
          SessionRecord session =
              tx.sessions()
                  .find(sessionId)
                  .orElseThrow(() -> new CordonException.Unauthenticated("no valid session"));
          User user = tx.users().find(session.user()).orElseThrow();
          Subject who = IdentityService.subjectOf(tx, user, now);
          RequestContext as = ctx.authenticated(who, sessionId, session.auth());
          Optional<DeviceRecord> known =
              presented
                  .filter(p -> SecretTokens.kindOf(p).equals(Optional.of(SecretTokens.Kind.DEVICE)))
                  .flatMap(p -> tx.devices().findBySecretHash(SecretTokens.sha256Hex(p)))
                  .filter(d -> d.isTrustedFor(who.user()));
          Recognised result;
          if (known.isPresent()) {
            tx.devices().touch(known.get().id(), now);
            result = new Recognised(known.get().id(), Optional.empty());
          } else {
            IssuedSecret issued = secrets.issue(SecretTokens.Kind.DEVICE);
            String agent = ctx.userAgent().orElse("unknown browser");
            DeviceRecord device =
                new DeviceRecord(
                    DeviceId.random(),
                    who.user(),
                    issued.secretHash(),
                    agent.length() > LABEL_MAX ? agent.substring(0, LABEL_MAX) : agent,
                    ctx.clientIp(),
                    now,
                    now,
                    Optional.empty());
            tx.devices().insert(device);
            tx.audit()
                .append(
                    AuditEvents.of(
                        as.withDevice(Optional.of(device.id().value()), true),
                        now,
                        "device.register",
                        Optional.of(AuditObject.of("device", device.id().value(), device.label())),
                        AuditEvent.Outcome.SUCCESS,
                        Optional.empty(),
                        Map.of("device", device.id().value())));
            result = new Recognised(device.id(), Optional.of(issued.secret()));
          }
          tx.sessions().update(session.withAnchor(session.anchor().onDevice(result.id())));
          return result;
        });
  }

  /**
   * The device a request presents, and whether it is trusted: registered to {@code user}, not
   * revoked, and (for a session bound to a device) the session's own device. Read-only.
   */
  public Optional<Presented> resolve(
      UserId user, Optional<String> sessionDevice, Optional<String> presented) {
    if (presented.isEmpty()
        || !SecretTokens.kindOf(presented.get()).equals(Optional.of(SecretTokens.Kind.DEVICE))) {
      return Optional.empty();
    }
    String hash = SecretTokens.sha256Hex(presented.get());
    return store
        .read(tx -> tx.devices().findBySecretHash(hash))
        .map(
            d ->
                new Presented(
                    d.id(),
                    d.isTrustedFor(user)
                        && sessionDevice.map(s -> s.equals(d.id().value())).orElse(true)));
  }

  /** The caller's own devices, newest first. */
  public List<DeviceRecord> list(RequestContext ctx) {
    Subject who = ctx.requireSubject();
    return store.read(tx -> tx.devices().listByUser(who.user()));
  }

  /**
   * Revokes a device: the caller's own, or (administrators, through the policy) anyone's. Another
   * user's device is a policy decision (audited either way); an unknown id is not found.
   */
  public void revoke(RequestContext ctx, DeviceId id) {
    Subject who = ctx.requireSubject();
    Optional<DeviceRecord> found = store.read(tx -> tx.devices().find(id));
    if (found.isPresent() && found.get().user().equals(who.user())) {
      store.inTransaction(
          tx -> {
            revokeIn(tx, id);
            tx.audit()
                .append(
                    AuditEvents.of(
                        ctx,
                        door.clock().instant(),
                        "device.revoke",
                        Optional.of(object(found.get())),
                        AuditEvent.Outcome.SUCCESS,
                        Optional.empty(),
                        Map.of("device", id.value(), "owner", who.user().value())));
            return null;
          });
      return;
    }
    if (found.isEmpty() && !who.isAdministrator()) {
      throw new CordonException.NotFound("no such device");
    }
    door.perform(
        ctx,
        Guarded.of(
            "device.revoke",
            Action.ADMINISTER,
            new Resource(
                "device", id.value(), Optional.empty(), Classification.INTERNAL, List.of())),
        (tx, resource) -> {
          DeviceRecord d =
              tx.devices()
                  .find(id)
                  .orElseThrow(() -> new CordonException.NotFound("no such device"));
          revokeIn(tx, id);
          return Performed.of(
              null, object(d), Map.of("device", id.value(), "owner", d.user().value()));
        });
  }

  private void revokeIn(Transaction tx, DeviceId id) {
    if (!tx.devices().revoke(id, door.clock().instant())) {
      throw new CordonException.Conflict("the device is already revoked");
    }
  }

  private static AuditObject object(DeviceRecord d) {
    return AuditObject.of("device", d.id().value(), d.label());
  }

  /** A recognised device, with the secret to hand to the client when it was just issued. */
  public record Recognised(DeviceId id, Optional<String> newSecret) {
    @Override
    public String toString() {
      return "Recognised[" + id + ", secret " + (newSecret.isPresent() ? "issued" : "none") + "]";
    }
  }

  /** The device a request presented and whether the policy may trust it. */
  public record Presented(DeviceId id, boolean trusted) {}
}
