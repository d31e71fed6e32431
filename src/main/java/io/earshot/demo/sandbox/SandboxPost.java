package io.earshot.demo.sandbox;

import java.time.Instant;

/**
 * One post on the sandbox network. {@code addressedBrand} is the handle of the demo brand the post
 * is about (named in its text, or the author of the brand post it answers), null when it concerns
 * no brand; {@code conversationId} is the id of the thread's first post. {@code idempotencyKey}
 * is set only on brand posts published through the API.
 */
public record SandboxPost(String id, SandboxUser author, String text, Instant createdAt,
                          String inReplyToId, String conversationId, String lang,
                          String addressedBrand, String idempotencyKey) {

  public boolean byBrand() {
    return author.brand();
  }

  /** Customer posts about a managed brand are what the mentions feed serves. */
  public boolean isMention() {
    return !byBrand() && addressedBrand != null;
  }
}
