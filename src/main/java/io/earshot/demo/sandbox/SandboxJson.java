package io.earshot.demo.sandbox;

import io.vertx.core.json.JsonObject;

/**
 * The sandbox's wire format: snake_case fields, ids as strings (as X and Mastodon do, because
 * JavaScript clients cannot hold 64-bit integers), times in ISO-8601 UTC.
 */
final class SandboxJson {
  private SandboxJson() {
  }

  static JsonObject user(SandboxUser user) {
    return new JsonObject().put("id", user.id()).put("handle", user.handle())
        .put("name", user.name()).put("followers", user.followers())
        .put("verified", user.verified());
  }

  static JsonObject post(SandboxPost post, String baseUrl) {
    return new JsonObject().put("id", post.id()).put("text", post.text())
        .put("created_at", post.createdAt().toString())
        .put("in_reply_to_id", post.inReplyToId())
        .put("conversation_id", post.conversationId())
        .put("url", url(post, baseUrl)).put("lang", post.lang())
        .put("brand", post.addressedBrand())
        .put("author", user(post.author()));
  }

  static String url(SandboxPost post, String baseUrl) {
    return baseUrl + "/@" + post.author().handle() + "/" + post.id();
  }

  static JsonObject counts(String id, SandboxNetwork.Counts counts) {
    return new JsonObject().put("id", id).put("likes", counts.likes())
        .put("reposts", counts.reposts()).put("replies", counts.replies());
  }

  static JsonObject error(String code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
  }
}
