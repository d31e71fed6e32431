package io.earshot.connector.sandbox;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one sandbox feed item into a {@link Mention}. Throws {@link IllegalArgumentException}
 * naming the first problem, so the connector can skip and count the item without losing the page.
 */
final class SandboxMentionMapper {
  private final String account;

  SandboxMentionMapper(String account) {
    this.account = account;
  }

  Mention map(Object raw) {
    if (!(raw instanceof JsonObject item)) {
      throw new IllegalArgumentException("item is not a JSON object");
    }
    String id = digits(item, "id");
    String text = requiredString(item, "text");
    Author author = author(item.getValue("author"));
    Instant createdAt = instant(item, "created_at");
    String inReplyTo = item.getValue("in_reply_to_id") == null ? null : digits(item, "in_reply_to_id");
    return Mention.incoming(Platform.SANDBOX, account, id, author, text, createdAt, inReplyTo,
        optionalString(item, "url"), optionalString(item, "lang"), meta(item));
  }

  private static Author author(Object raw) {
    if (!(raw instanceof JsonObject a)) {
      throw new IllegalArgumentException("author is missing or not an object");
    }
    Object followers = a.getValue("followers");
    if (followers != null && !(followers instanceof Number)) {
      throw new IllegalArgumentException("author.followers is not a number");
    }
    Object verified = a.getValue("verified");
    if (verified != null && !(verified instanceof Boolean)) {
      throw new IllegalArgumentException("author.verified is not a boolean");
    }
    String handle = requiredString(a, "handle");
    String name = optionalString(a, "name");
    return new Author(requiredString(a, "id"), handle, name == null ? handle : name,
        followers == null ? 0 : Math.max(0, ((Number) followers).longValue()),
        Boolean.TRUE.equals(verified));
  }

  /** What a reply needs later: the thread root, and which managed brand the post addresses. */
  private static Map<String, String> meta(JsonObject item) {
    Map<String, String> meta = new HashMap<>();
    String conversation = optionalString(item, "conversation_id");
    if (conversation != null) {
      meta.put("conversationId", conversation);
    }
    String brand = optionalString(item, "brand");
    if (brand != null) {
      meta.put("brand", brand);
    }
    return meta;
  }

  private static String digits(JsonObject item, String field) {
    String value = requiredString(item, field);
    if (!value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 19) {
      throw new IllegalArgumentException(field + " is not a sandbox id");
    }
    return value;
  }

  private static Instant instant(JsonObject item, String field) {
    try {
      return Instant.parse(requiredString(item, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not an ISO-8601 instant");
    }
  }

  private static String requiredString(JsonObject item, String field) {
    String value = optionalString(item, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing or empty");
    }
    return value;
  }

  private static String optionalString(JsonObject item, String field) {
    Object value = item.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return (String) value;
  }
}
