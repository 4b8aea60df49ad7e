package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;

import io.cordon.content.FileId;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.sharing.ShareAccess;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The view-only viewer: the watermarked rendition (ShareAccess.view, decided and audited per
 * request) shown page by page as images rendered on the server with PDFBox. The browser never gets
 * the PDF, so there is no file to save and no download control; each page is its own request, so a
 * revoked share stops at the next page.
 */
final class UiViewer {
  /** Enough to read a typeset A4 page on a laptop screen without making huge images. */
  private static final float DPI = 110;

  private static final int MAX_PAGES = 500;

  private final Services services;
  private final UiPages pages;

  UiViewer(Services services, UiPages pages) {
    this.services = services;
    this.pages = pages;
  }

  List<Route> routes(String ui) {
    return List.of(
        new Route(HandlerType.GET, ui + "/files/{id}/view", Access.AUTHENTICATED, this::viewer),
        new Route(
            HandlerType.GET, ui + "/files/{id}/view/{page}", Access.AUTHENTICATED, this::page));
  }

  private void viewer(Context http, RequestContext rc) throws IOException {
    FileId id = fileId(http);
    ShareAccess.View v = services.shareAccess().view(rc, id, OptionalInt.empty());
    int count;
    try (PDDocument doc = Loader.loadPDF(v.pdf())) {
      count = Math.min(doc.getNumberOfPages(), MAX_PAGES);
    }
    pages.render(
        http,
        "viewer.jte",
        Map.of(
            "chrome",
            pages.chrome(http, rc, v.fileName(), "shares"),
            "file",
            id.value(),
            "name",
            v.fileName(),
            "version",
            v.version(),
            "pages",
            count,
            "watermark",
            v.watermark()));
  }

  private void page(Context http, RequestContext rc) throws IOException {
    int n;
    try {
      n = Integer.parseInt(http.pathParam("page"));
    } catch (NumberFormatException e) {
      throw new CordonException.InvalidInput("the page is a whole number from 1");
    }
    if (n < 1 || n > MAX_PAGES) {
      throw new CordonException.InvalidInput("the page is a whole number from 1 to " + MAX_PAGES);
    }
    ShareAccess.View v = services.shareAccess().view(rc, fileId(http), OptionalInt.of(n));
    BufferedImage image;
    try (PDDocument doc = Loader.loadPDF(v.pdf())) {
      if (doc.getNumberOfPages() == 0) {
        throw new CordonException.NotFound("no page " + n);
      }
      int index = doc.getNumberOfPages() == 1 ? 0 : Math.min(n, doc.getNumberOfPages()) - 1;
      image = new PDFRenderer(doc).renderImageWithDPI(index, DPI, ImageType.RGB);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    http.header("Cache-Control", "no-store");
    http.header("Content-Disposition", "inline");
    http.contentType("image/png");
    http.result(png.toByteArray());
  }
}
