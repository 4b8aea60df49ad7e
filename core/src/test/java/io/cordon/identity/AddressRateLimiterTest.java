package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final AddressRateLimiter limiter =
      new AddressRateLimiter(3, Duration.ofSeconds(60), 100, clock);

  @Test
  void tryAcquire_withinLimit_allowed() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
      clock.advance(Duration.ofSeconds(10));
    }
  }

  @Test
  void tryAcquire_overLimit_refusedWithTimeUntilOldestLeavesWindow() {
    limiter.tryAcquire("198.51.100.1");
    clock.advance(Duration.ofSeconds(10));
    limiter.tryAcquire("198.51.100.1");
    limiter.tryAcquire("198.51.100.1");
    clock.advance(Duration.ofMillis(500));

    assertThat(limiter.tryAcquire("198.51.100.1"))
        .isEqualTo(new AddressRateLimiter.Verdict(false, 50));
  }

  @Test
  void tryAcquire_windowSlides_allowsAgainOneByOne() {
    limiter.tryAcquire("198.51.100.1");
    clock.advance(Duration.ofSeconds(30));
    limiter.tryAcquire("198.51.100.1");
    limiter.tryAcquire("198.51.100.1");

    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
    assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isFalse();
  }

  @Test
  void tryAcquire_refusedAttempts_notCounted() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("198.51.100.1");
    }
    for (int i = 0; i < 50; i++) {
      assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isFalse();
    }
    clock.advance(Duration.ofSeconds(60));
    assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
  }

  @Test
  void tryAcquire_differentAddresses_limitedIndependently() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("198.51.100.1");
    }
    assertThat(limiter.tryAcquire("198.51.100.2").allowed()).isTrue();
    assertThat(limiter.peek("198.51.100.1").allowed()).isFalse();
  }

  @Test
  void tryAcquire_manyAddresses_memoryStaysBoundedLeastRecentForgotten() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("198.51.100.1");
    }
    for (int i = 0; i < 500; i++) {
      limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
    }
    assertThat(limiter.trackedAddresses()).isEqualTo(100);
    assertThat(limiter.peek("198.51.100.1").allowed()).isTrue();
  }

  @Test
  void reset_blockedAddress_allowedAgain() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("198.51.100.1");
    }
    limiter.reset("198.51.100.1");
    assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
  }

  @Test
  void tryAcquire_concurrentCallers_allowExactlyTheLimit() throws Exception {
    AddressRateLimiter shared = new AddressRateLimiter(50, Duration.ofMinutes(1), 10, clock);
    Callable<Integer> caller =
        () -> {
          int allowed = 0;
          for (int i = 0; i < 200; i++) {
            allowed += shared.tryAcquire("203.0.113.9").allowed() ? 1 : 0;
          }
          return allowed;
        };
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(caller));
      }
      int total = 0;
      for (Future<Integer> r : results) {
        total += r.get();
      }
      assertThat(total).isEqualTo(50);
    }
  }
}
