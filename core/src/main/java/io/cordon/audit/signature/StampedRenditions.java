package io.cordon.audit.signature;

import io.cordon.audit.AuditEvent;
import io.cordon.content.ContentService;
import io.cordon.content.Download;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.OneDoor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * PDF renditions of a signed version with its signature manifest stamped on (21 CFR 11.50(b)). The
 * signatures are read and verified first ({@code signature.list}); the content is then fetched
 * through the ordinary download path, so the policy's {@code download} decision applies and the
 * trail records a {@code file.download} whose details name the rendition ({@link #RENDITION}),
 * never to be mistaken for a delivery of the original bytes. The document is stamped in memory, so
 * versions over the size limit are refused before any byte is decrypted. Thread-safe.
 */
public final class StampedRenditions {
  /** The default largest version that is stamped: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /** The {@code rendition} named in the download event. */
  public static final String RENDITION = "signature-stamped";

  private final SignatureService signatures;
  private final ContentService content;
  private final SignatureStamp stamp;
  private final OneDoor door;
  private final long maxBytes;

  public StampedRenditions(
      SignatureService signatures,
      ContentService content,
      SignatureStamp stamp,
      OneDoor door,
      long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the stamping limit must fit one array");
    }
    this.signatures = signatures;
    this.content = content;
    this.stamp = stamp;
    this.door = door;
    this.maxBytes = maxBytes;
  }

  /** A stamped PDF and what it is of. */
  public record Rendition(String fileName, int version, byte[] pdf) {}

  /** Version {@code number} of the file (the newest when absent), stamped with its signatures. */
  public Rendition render(RequestContext ctx, FileId id, OptionalInt number) {
    FileSignatures signed = signatures.list(ctx, id);
    FileVersion v =
        number.isPresent()
            ? signed.versions().stream()
                .filter(x -> x.number() == number.getAsInt())
                .findFirst()
                .orElseThrow(() -> new CordonException.NotFound("no such version"))
            : signed.versions().getLast();
    String name = signed.file().name();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      throw new CordonException.UnsupportedMedia(
          "only PDF files can be stamped with their signatures; '" + name + "' is not one");
    }
    if (v.size() > maxBytes) {
      throw new CordonException.TooLarge(
          "version " + v.number() + " is larger than the " + maxBytes + " bytes a stamp allows");
    }
    List<VerifiedSignature> onVersion = signed.of(v.number());
    if (onVersion.isEmpty()) {
      throw new CordonException.Conflict("version " + v.number() + " has no signatures to stamp");
    }
    Download d = content.download(ctx, id, OptionalInt.of(v.number()), Optional.of(RENDITION));
    ByteArrayOutputStream plain = new ByteArrayOutputStream((int) v.size());
    try {
      d.writeTo(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new Rendition(name, v.number(), stamp.stamp(plain.toByteArray(), name, v, onVersion));
    } catch (CordonException.UnsupportedMedia e) {
      door.record(
          ctx,
          "file.download",
          Optional.of(SignatureService.fileObjectOf(id, name)),
          AuditEvent.Outcome.ERROR,
          Optional.of("not a readable PDF; nothing was sent"),
          Map.of("version", v.number(), "bytes", 0, "rendition", RENDITION));
      throw e;
    }
  }
}
