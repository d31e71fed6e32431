package io.earshot.auth;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * Counts sign-in attempts per account and per client address. Every attempt is counted before
 * its password is checked, so concurrent guesses cannot slip past the limit; a correct password
 * clears the counts of its account and its address. Neither Future fails.
 */
public interface SignInThrottle {
  /** Counts one attempt; answers how long this account or address must wait first ({@link Duration#ZERO}: go ahead). */
  Future<Duration> attempt(String account, String address);

  /** A correct password for {@code account} from {@code address}: forget their failures. */
  Future<Void> succeeded(String account, String address);
}
