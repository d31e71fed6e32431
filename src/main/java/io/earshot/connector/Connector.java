package io.earshot.connector;

import io.earshot.domain.Engagement;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * The contract every platform connector fulfils. The connector only talks to its platform; the
 * {@code ConnectorRunner} owns the durable cursor, the polling lease and feeding the pipeline,
 * so a connector never advances anything itself. Futures fail with {@link ConnectorException}
 * subtypes ({@code RateLimited}, {@code Unauthorized}, {@code Transient}, {@code Rejected}).
 */
public interface Connector {

  ConnectorAccount account();

  /** Verifies credentials and learns the brand's own identity; called once before polling. */
  Future<Void> start();

  /**
   * Reads the next page of mentions after {@code cursor} (null: the connector picks a sensible
   * start, such as "the newest page"). Never returns a mention twice for the same cursor.
   */
  Future<PollResult> poll(String cursor);

  /**
   * Publishes a post and returns the platform's id for it. Must be idempotent on
   * {@link OutgoingPost#idempotencyKey()}: a retry after an unknown outcome returns the id of the
   * post already made instead of posting again.
   */
  Future<String> publish(OutgoingPost post);

  /** Current like/repost/reply counts of the brand's own posts, by platform id. */
  Future<Map<String, Engagement>> engagement(List<String> externalIds);

  /**
   * Checks a reply text against this platform's rules before anything is queued. The default
   * counts Unicode code points against 500; platforms override with their own counting.
   */
  default ReplyCheck checkReply(String text) {
    return ReplyCheck.fits(text.codePointCount(0, text.length()), 500);
  }

  /**
   * The same, for a reply to {@code target} (the mention it answers; null: none), where a
   * platform's rules depend on it (Facebook and Instagram nest one level of replies). The default
   * ignores the target.
   */
  default ReplyCheck checkReply(String text, io.earshot.domain.Mention target) {
    return checkReply(text);
  }

  /**
   * Whether this account can answer a customer in private (a direct message). A reply asking for
   * private visibility through an account that cannot is refused before it is queued. Default: no.
   */
  default boolean sendsPrivate() {
    return false;
  }

  /**
   * Opens the platform's optional push channel. It never stores or returns anything: an
   * implementation only calls {@code wake} when new activity may be waiting, and the runner then
   * polls at once, so the cursor stays the single source of durability. Implementations call
   * {@code wake} once after every (re)connect (anything missed while disconnected is read by that
   * poll), reconnect on their own with backoff, and never throw. The default has no push channel.
   */
  default void watch(Runnable wake) {
  }

  /** Closes the push channel opened by {@link #watch}; a no-op when none is open. */
  default void unwatch() {
  }

  /** Releases sockets and sessions. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
