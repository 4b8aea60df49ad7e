package io.cordon.door;

import io.cordon.context.RequestContext;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;

/**
 * Decides reads and changes a user makes to their own account (their second factors, their devices)
 * and reads of what the server offers (the upload protocol's capabilities): a policy decision like
 * any other, so that no route answers without one (deny by default). Refusals are audited; a
 * permitted look at one's own account is not an event of its own, the change it leads to is.
 * Thread-safe.
 */
public final class SelfServiceAccess {
  /** The resource type of the caller's own account: factors, devices. */
  public static final String OWN_ACCOUNT = "own-account";

  /** The resource type of the server's upload capabilities (tus {@code OPTIONS}). */
  public static final String UPLOAD_CAPABILITIES = "upload-capabilities";

  private final OneDoor door;

  public SelfServiceAccess(OneDoor door) {
    this.door = door;
  }

  /**
   * @param auditAction what a refusal is recorded as, e.g. {@code mfa.list}
   * @throws io.cordon.context.CordonException.Denied if the policy refuses
   */
  public void authorizeOwnAccount(RequestContext ctx, String auditAction, Action action) {
    door.authorize(ctx, Guarded.of(auditAction, action, Resource.system(OWN_ACCOUNT)));
  }

  /** Whether the caller may learn how uploads are offered (tus capabilities). */
  public void authorizeUploadCapabilities(RequestContext ctx) {
    door.authorize(
        ctx, Guarded.of("upload.options", Action.VIEW, Resource.system(UPLOAD_CAPABILITIES)));
  }
}
