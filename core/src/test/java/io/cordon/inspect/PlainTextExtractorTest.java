package io.cordon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {
  private final PlainTextExtractor extractor = new PlainTextExtractor();

  @Test
  void text_is_inspected_whole() throws IOException {
    byte[] text = "Patient SSN 078-05-1120 on file".getBytes(StandardCharsets.UTF_8);
    Extraction out =
        extractor.extract(new ByteArrayInputStream(text), "notes.txt", Inspector.standard());
    assertThat(out.status()).isEqualTo(Extraction.Status.COMPLETE);
    assertThat(out.inspection()).get().extracting(TextInspection::chars).isEqualTo(31L);
  }

  @Test
  void binary_content_is_unscannable_whatever_its_name() throws IOException {
    byte[] pdfish = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, 1, 2};
    Extraction out =
        extractor.extract(new ByteArrayInputStream(pdfish), "notes.txt", Inspector.standard());
    assertThat(out.status()).isEqualTo(Extraction.Status.UNSCANNABLE);
    assertThat(out.inspection()).isEmpty();
    assertThat(out.detail()).doesNotContain("notes.txt");
  }
}
