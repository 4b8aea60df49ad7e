package io.cordon.inspect.tika;

import io.cordon.inspect.Extraction.Status;
import java.io.IOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives the parsers' text (SAX characters) and writes it into the {@link TextPipe}, counting
 * characters against the limit: past it, the run stops as truncated. Block elements reach it as
 * newlines (Tika's XHTML handler emits them as ignorable whitespace). Used by one parser thread.
 */
final class TextSink extends DefaultHandler {
  /** Metadata that carries people's and documents' details, inspected after the body. */
  private static final Property[] INSPECTED_METADATA = {
    TikaCoreProperties.TITLE,
    TikaCoreProperties.CREATOR,
    TikaCoreProperties.SUBJECT,
    TikaCoreProperties.DESCRIPTION,
  };

  private static final String[] INSPECTED_MAIL_HEADERS = {
    "Message-From", "Message-To", "Message-Cc", "Message-Bcc", "Message:From-Email"
  };

  private final TextPipe pipe;
  private final ParseRun run;
  private long chars;

  TextSink(TextPipe pipe, ParseRun run) {
    this.pipe = pipe;
    this.run = run;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    write(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    write(ch, start, length);
  }

  /** Appends the inspected metadata values of a document, one per line. */
  void metadata(Metadata metadata) throws SAXException {
    StringBuilder text = new StringBuilder();
    for (Property p : INSPECTED_METADATA) {
      for (String v : metadata.getValues(p)) {
        text.append('\n').append(v);
      }
    }
    for (String name : INSPECTED_MAIL_HEADERS) {
      for (String v : metadata.getValues(name)) {
        text.append('\n').append(v);
      }
    }
    if (!text.isEmpty()) {
      text.append('\n');
      char[] c = text.toString().toCharArray();
      write(c, 0, c.length);
    }
  }

  private void write(char[] ch, int start, int length) throws SAXException {
    if (length == 0) {
      return;
    }
    long room = run.limits.maxChars() - chars;
    int n = (int) Math.min(length, room);
    try {
      if (n > 0) {
        pipe.write(ch, start, n);
        chars += n;
      }
      if (n < length) {
        throw run.stopped(
            Status.TRUNCATED,
            "character limit of " + run.limits.maxChars() + " reached; the rest not extracted");
      }
    } catch (IOException e) {
      throw new SAXException(e);
    }
  }
}
