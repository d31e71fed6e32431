package io.earshot.connector;

import io.earshot.domain.Mention;

/**
 * A post the brand publishes: a reply to {@code inReplyTo}, or a stand-alone post when it is
 * null. {@code idempotencyKey} is stable across retries; connectors use it so that a retried
 * publish returns the first post's id instead of posting again.
 */
public record OutgoingPost(String idempotencyKey, String text, Mention inReplyTo) {
}
