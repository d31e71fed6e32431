package io.earshot.connector.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The periods a budget counts in")
class BudgetPeriodsTest {
  private final BudgetPeriods periods = new BudgetPeriods("acme", Duration.ofMinutes(15));

  @Test
  @DisplayName("request windows are aligned to the epoch, so every instance names the same window")
  void windows() {
    Instant at = Instant.parse("2026-12-01T12:07:31Z");
    assertEquals(Instant.parse("2026-12-01T12:00:00Z"), periods.windowStart(at));
    assertEquals(Instant.parse("2026-12-01T12:15:00Z"), periods.windowEnd(at));
    assertEquals(periods.requestsId(at), periods.requestsId(Instant.parse("2026-12-01T12:14:59Z")));
  }

  @Test
  @DisplayName("money is counted per calendar month in UTC, whatever the host's zone")
  void months() {
    Instant lastSecond = Instant.parse("2026-12-31T23:59:59Z");
    assertEquals("acme|usd|2026-12", periods.moneyId(lastSecond));
    assertEquals("acme|usd|2027-01", periods.moneyId(lastSecond.plusSeconds(1)));
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), periods.monthEnd(lastSecond));
  }
}
