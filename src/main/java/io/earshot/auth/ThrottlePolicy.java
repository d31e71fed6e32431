package io.earshot.auth;

import io.earshot.config.EarshotConfig;
import java.time.Duration;

/**
 * How many attempts an account or an address may make in a window before it must wait, and how
 * long: the first wait is {@code firstBlock}, each further one within {@code strikeMemory}
 * doubles, up to {@code maxBlock}. Waits end by themselves; there is no permanent lock-out.
 */
public record ThrottlePolicy(int perAccount, int perAddress, Duration window, Duration firstBlock,
                             Duration maxBlock, Duration strikeMemory) {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration STRIKE_MEMORY = Duration.ofHours(1);

  /** The configured limits over one-minute windows; the first wait lasts a window. */
  public static ThrottlePolicy of(EarshotConfig.SignInLimits limits) {
    Duration first = limits.maxBackoff().compareTo(WINDOW) < 0 ? limits.maxBackoff() : WINDOW;
    return new ThrottlePolicy(limits.perAccount(), limits.perAddress(), WINDOW, first, limits.maxBackoff(),
        STRIKE_MEMORY);
  }

  /** The wait after the {@code strike}-th time (1, 2, …) the limit was reached. */
  public Duration block(long strike) {
    long millis = firstBlock.toMillis();
    for (long i = 1; i < strike && millis < maxBlock.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBlock.toMillis()));
  }
}
