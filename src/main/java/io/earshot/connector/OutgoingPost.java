package io.earshot.connector;

import io.earshot.domain.Mention;
import io.earshot.domain.Visibility;

/**
 * A post the brand publishes: a reply to {@code inReplyTo}, or a stand-alone post when it is
 * null. {@code idempotencyKey} is stable across retries; connectors use it so that a retried
 * publish returns the first post's id instead of posting again. {@code visibility} is
 * {@link Visibility#PRIVATE} for a private message to the customer, which only a connector whose
 * {@link Connector#sendsPrivate()} is true is ever given.
 */
public record OutgoingPost(String idempotencyKey, String text, Mention inReplyTo, Visibility visibility) {
  public OutgoingPost {
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
  }

  public OutgoingPost(String idempotencyKey, String text, Mention inReplyTo) {
    this(idempotencyKey, text, inReplyTo, Visibility.PUBLIC);
  }

  public boolean isPrivate() {
    return visibility == Visibility.PRIVATE;
  }
}
