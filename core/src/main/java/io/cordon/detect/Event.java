package io.cordon.detect;

/**
 * One audit event as the detectors see it: the fields of API.md's event format they use, flat, with
 * absent values as {@code null} (strings), {@code -1} (seq, bytes) or {@code NaN} (coordinates).
 * Immutable.
 *
 * @param seq audit sequence number, {@code -1} when the input has none
 * @param timeMillis event time, epoch milliseconds UTC
 * @param user the username alerts are about (actor.username, else actor.user), or null for an event
 *     from an address alone
 * @param org actor organisation, or null
 * @param partner whether the actor's organisation is a partner ({@code orgKind: partner})
 * @param role the actor's first role, or null
 * @param action {@code noun.verb}
 * @param objectId object id, or null
 * @param workspace the object's workspace, or null
 * @param classification the object's classification label, or null
 * @param outcome success, denied or error
 * @param ip source address, or null
 * @param country ISO country code, or null
 * @param lat latitude, or NaN
 * @param lon longitude, or NaN
 * @param device device identifier (else user agent), or null
 * @param bytes {@code details.bytes}, or -1
 * @param externalRecipients recipients outside the actor's e-mail domain on a share, else 0
 */
public record Event(
    long seq,
    long timeMillis,
    String user,
    String org,
    boolean partner,
    String role,
    String action,
    String objectId,
    String workspace,
    String classification,
    Outcome outcome,
    String ip,
    String country,
    double lat,
    double lon,
    String device,
    long bytes,
    int externalRecipients) {

  public boolean hasGeo() {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }

  public boolean isSensitive() {
    return "confidential".equals(classification) || "restricted".equals(classification);
  }

  public boolean isDownload() {
    return outcome == Outcome.SUCCESS
        && ("file.download".equals(action) || "share.access".equals(action));
  }
}
