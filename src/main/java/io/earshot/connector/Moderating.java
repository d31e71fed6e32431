package io.earshot.connector;

import io.vertx.core.Future;

/**
 * A connector whose platform lets the brand hide and delete customers' comments under its own
 * posts (Facebook Pages, Instagram professional accounts). Optional: a connector that cannot is
 * simply not one. Futures fail with {@link ConnectorException} subtypes; both calls are safe to
 * repeat (hiding a hidden comment changes nothing, deleting a comment already gone succeeds).
 */
public interface Moderating {

  /** Hides the comment ({@code hidden}) or shows it again. */
  Future<Void> hide(String externalId, boolean hidden);

  /** Deletes the comment on the platform. */
  Future<Void> delete(String externalId);

  /** Whether the platform lets the brand delete customers' comments at all (Threads: hide only). */
  default boolean deletes() {
    return true;
  }
}
