package io.cordon.inspect.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.inspect.Extraction;
import io.cordon.inspect.ExtractionLimits;
import io.cordon.inspect.Inspector;
import java.io.ByteArrayInputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A stored file's plaintext never touches the disk, even when Tika must spool a document to read it
 * randomly (OOXML): the temporary directory of the JVM sees no file created while DOCX and XLSX
 * files, alone and inside a zip, are extracted; whatever was spooled went to memory and is gone
 * afterwards.
 */
class SpoolTest {
  private final TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());

  @Test
  void ooxmlExtraction_createsNothingInTheJvmTemporaryDirectory_andLeavesNothingSpooled()
      throws Exception {
    Path jvmTmp = Path.of(System.getProperty("java.io.tmpdir"));
    byte[] docx = Documents.docx("Send the batch record to qa.lead@cdmo.example today");
    byte[] xlsx = Documents.xlsx("IBAN", "GB82WEST12345698765432");
    byte[] zip = Documents.zip(Map.of("inner.docx", docx, "sheet.xlsx", xlsx));
    List<String> created = new ArrayList<>();
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      WatchKey key = jvmTmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      for (Map.Entry<String, byte[]> f :
          Map.of("a.docx", docx, "b.xlsx", xlsx, "c.zip", zip).entrySet()) {
        Extraction out =
            extractor.extract(
                new ByteArrayInputStream(f.getValue()), f.getKey(), Inspector.standard());
        assertThat(out.status()).as(f.getKey()).isEqualTo(Extraction.Status.COMPLETE);
        assertThat(out.inspection().orElseThrow().findings()).as(f.getKey()).isNotEmpty();
      }
      // The watch service hands inotify's events over from a thread of its own: give it a moment.
      watch.poll(1, java.util.concurrent.TimeUnit.SECONDS);
      for (WatchEvent<?> e : key.pollEvents()) {
        String name = String.valueOf(e.context());
        if (name.startsWith("apache-tika") || name.startsWith("cordon-spool")) {
          created.add(name);
        }
      }
      key.cancel();
    }
    assertThat(created).as("files Tika created under java.io.tmpdir").isEmpty();
    if (Spool.directory().isPresent()) {
      try (Stream<Path> left = Files.list(Spool.directory().get())) {
        assertThat(left).as("spooled files left behind").isEmpty();
      }
    }
  }
}
