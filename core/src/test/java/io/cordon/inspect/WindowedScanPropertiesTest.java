package io.cordon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The windowed stream scan yields exactly the findings of a whole scan, whatever the window size
 * and wherever the values fall relative to window edges.
 */
class WindowedScanPropertiesTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "SSN 078-05-1123",
          "4111 1111 1111 1111",
          "DE89 3704 0044 0532 0130 00",
          "jane.doe@example.com",
          "(415) 555-0132",
          "+44 20 7946 0958",
          "10.0.0.1",
          "2001:db8::1",
          "NHS 943 476 5919",
          "NPI 1245319599",
          "AB1234563",
          "NCT01234567",
          "CAS 7732-18-5",
          "Lot: A1234-5",
          "MRN 00482913",
          "DOB 1962-03-14",
          "CONFIDENTIAL",
          "AKIAIOSFODNN7EXAMPLE",
          "password=hunter22",
          "Mary Johnson",
          "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----",
          "the",
          "tablets",
          "12",
          " ",
          " ",
          "\n",
          "-",
          ":",
          "é",
          "😀",
          "4111",
          "1111");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(FRAGMENTS)
        .list()
        .ofMinSize(2000)
        .ofMaxSize(9000)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 60)
  void inspect_anyWindow_sameFindingsAsWholeScan(
      @ForAll("texts") String text, @ForAll @IntRange(min = 17_100, max = 30_000) int window)
      throws Exception {
    Inspector inspector = Inspector.standard();
    List<Finding> whole = inspector.scan(text);
    TextInspection windowed = inspector.withWindow(window).inspect(new StringReader(text));
    assertThat(windowed.chars()).isEqualTo(text.length());
    assertThat(windowed.findings()).isEqualTo(whole);
  }
}
