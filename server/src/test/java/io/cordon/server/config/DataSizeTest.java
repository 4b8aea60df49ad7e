package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "512, 512",
    "100B, 100",
    "1KiB, 1024",
    "10GiB, 10737418240",
    "1TiB, 1099511627776",
    "1tib, 1099511627776",
    "5 MB, 5000000",
    "2kb, 2000"
  })
  void parse_wellFormedSize_givesBytes(String text, long bytes) {
    assertThat(DataSize.parse(text)).contains(new DataSize(bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GiB", "-1", "1.5GiB", "10 parsecs", "9999999999TiB", "1 GiB extra"})
  void parse_malformedSize_isEmpty(String text) {
    assertThat(DataSize.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1099511627776, 1TiB", "1572864, 1536KiB", "100, 100B", "0, 0B"})
  void toString_exactBinaryMultiple_usesLargestUnit(long bytes, String text) {
    assertThat(new DataSize(bytes)).hasToString(text);
  }
}
