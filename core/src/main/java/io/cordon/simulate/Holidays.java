package io.cordon.simulate;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public holidays of the simulated countries: fixed-date ones every year, movable ones for 2026
 * (the default simulated autumn). On a holiday most people do not work.
 */
final class Holidays {
  private static final Map<String, List<MonthDay>> FIXED = new TreeMap<>();
  private static final Map<String, List<LocalDate>> MOVABLE = new TreeMap<>();

  static {
    MonthDay newYear = MonthDay.of(1, 1);
    MonthDay christmas = MonthDay.of(12, 25);
    MonthDay stStephen = MonthDay.of(12, 26);
    FIXED.put("US", List.of(newYear, MonthDay.of(7, 4), christmas));
    FIXED.put("IE", List.of(newYear, MonthDay.of(3, 17), christmas, stStephen));
    FIXED.put("CH", List.of(newYear, MonthDay.of(8, 1), christmas, stStephen));
    FIXED.put("IN", List.of(MonthDay.of(1, 26), MonthDay.of(8, 15), MonthDay.of(10, 2), christmas));
    FIXED.put("SG", List.of(newYear, MonthDay.of(8, 9), christmas));
    FIXED.put("GB", List.of(newYear, christmas, stStephen));
    FIXED.put("DE", List.of(newYear, MonthDay.of(10, 3), MonthDay.of(11, 1), christmas));
    FIXED.put("FR", List.of(newYear, MonthDay.of(11, 1), MonthDay.of(11, 11), christmas));
    FIXED.put("DK", List.of(newYear, MonthDay.of(12, 24), christmas, stStephen));
    FIXED.put("JP", List.of(newYear, MonthDay.of(11, 3), MonthDay.of(11, 23)));
    FIXED.put("KR", List.of(newYear, MonthDay.of(10, 3), MonthDay.of(10, 9), christmas));
    FIXED.put("CN", List.of(newYear, MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 5)));
    FIXED.put("CA", List.of(newYear, MonthDay.of(7, 1), christmas));
    MOVABLE.put("US", List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)));
    MOVABLE.put("IE", List.of(LocalDate.of(2026, 10, 26)));
    MOVABLE.put("IN", List.of(LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 9)));
    MOVABLE.put("SG", List.of(LocalDate.of(2026, 11, 8)));
    MOVABLE.put("CA", List.of(LocalDate.of(2026, 10, 12)));
  }

  private Holidays() {}

  static boolean isHoliday(String country, LocalDate day) {
    return FIXED.getOrDefault(country, List.of()).contains(MonthDay.from(day))
        || MOVABLE.getOrDefault(country, List.of()).contains(day);
  }
}
