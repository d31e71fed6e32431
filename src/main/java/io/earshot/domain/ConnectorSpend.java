package io.earshot.domain;

import java.time.Instant;

/**
 * What a connector account has used of its budget: requests in the current window and money
 * this calendar month (UTC), each with its limit (null: no limit) and when it resets. Money is in
 * micro-dollars so sums stay exact. {@code level} is {@code warning} from the account's warning
 * fraction (80% by default) of either limit and {@code exhausted} once a limit cannot afford
 * another call.
 */
public record ConnectorSpend(long requests, Long requestLimit, Instant requestsResetAt,
                             long spentMicros, Long capMicros, Instant moneyResetAt, Level level) {

  /** How close an account is to its limits. */
  public enum Level {
    OK, WARNING, EXHAUSTED;

    public String code() {
      return name().toLowerCase();
    }
  }

  public Long remainingRequests() {
    return requestLimit == null ? null : Math.max(0, requestLimit - requests);
  }

  public Long remainingMicros() {
    return capMicros == null ? null : Math.max(0, capMicros - spentMicros);
  }
}
