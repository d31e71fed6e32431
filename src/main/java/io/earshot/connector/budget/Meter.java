package io.earshot.connector.budget;

import io.earshot.domain.ConnectorSpend;
import io.vertx.core.Future;

/**
 * What a connector asks before every platform call it makes, so an account never passes its
 * budget: {@link #beforeRead} reserves the request and the worst case of what a read may cost
 * (every item it may return), and {@link #afterRead} gives back what it did not use; a post
 * reserves its price before it is sent. A refusal fails with
 * {@link io.earshot.connector.ConnectorException.BudgetExhausted} and nothing is sent.
 */
public interface Meter {

  /** What one reservation holds, to settle it against the same period it was taken in. */
  record Grant(int items, long micros, String moneyId) {
  }

  /** For a connector used outside a hub (tests of one connector, tools): counts nothing, limits nothing. */
  Meter NONE = new Meter() {
    @Override
    public Future<Grant> beforeRead(int maxItems, int minItems) {
      return Future.succeededFuture(new Grant(maxItems, 0, null));
    }

    @Override
    public Future<Void> afterRead(Grant grant, int posts, int users) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Grant> beforePost(boolean withUrl) {
      return Future.succeededFuture(new Grant(0, 0, null));
    }

    @Override
    public Future<Void> afterPost(Grant grant, boolean posted) {
      return Future.succeededFuture();
    }

    @Override
    public boolean tight() {
      return false;
    }

    @Override
    public ConnectorSpend snapshot() {
      return null;
    }
  };

  /**
   * Reserves one request that may return up to {@code maxItems} priced items (and as many users);
   * when money allows fewer, the grant holds fewer, but never below {@code minItems}.
   */
  Future<Grant> beforeRead(int maxItems, int minItems);

  /** Settles a read with what it really returned; a failed request returned nothing. */
  Future<Void> afterRead(Grant grant, int posts, int users);

  /** One request that reads nothing priced (sign-in, a token refresh, a small lookup). */
  default Future<Void> beforeCall() {
    return beforeRead(0, 0).mapEmpty();
  }

  /** Reserves one request and the price of a post (a post with a link may cost more). */
  Future<Grant> beforePost(boolean withUrl);

  /** Gives the post's price back when the platform refused it. */
  Future<Void> afterPost(Grant grant, boolean posted);

  /** True from the warning level on: poll less, skip low-value streams such as keyword search. */
  boolean tight();

  /** What was used so far, as last seen; null when nothing is counted. */
  ConnectorSpend snapshot();
}
