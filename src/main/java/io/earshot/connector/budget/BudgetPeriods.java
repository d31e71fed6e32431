package io.earshot.connector.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The periods a budget counts in: fixed request windows aligned to the epoch (so every instance
 * agrees on the window without talking), and calendar months in UTC for money, as X bills.
 */
record BudgetPeriods(String account, Duration window) {

  Instant windowStart(Instant now) {
    long size = window.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
  }

  Instant windowEnd(Instant now) {
    return windowStart(now).plus(window);
  }

  String requestsId(Instant now) {
    return account + "|requests|" + windowStart(now).getEpochSecond();
  }

  String moneyId(Instant now) {
    return account + "|usd|" + YearMonth.from(now.atOffset(ZoneOffset.UTC));
  }

  Instant monthEnd(Instant now) {
    return YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
