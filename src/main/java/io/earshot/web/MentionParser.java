package io.earshot.web;

import io.earshot.domain.Author;
import io.earshot.domain.Brand;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import io.earshot.error.DomainError;
import io.earshot.ingest.MentionRules;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns one normalized mention (the public JSON shape in DESIGN.md, {@code brand} included) into a {@link Mention}, or
 * fails with {@link DomainError.Invalid} naming the first bad field. Shapes and types are
 * checked here; what any mention must satisfy, from here or from a connector (dates from 2000 to
 * 2100, well-formed text in every field, no control characters in ids and handles, length
 * limits), is {@link MentionRules}. A JSON escape such as {@code "\ud800"} decodes to a lone
 * surrogate, which no encoding can store: such an item is refused, never silently replaced.
 */
public final class MentionParser {
  /** Reddit's self-post limit, the longest of the supported platforms. */
  public static final int MAX_TEXT = MentionRules.MAX_TEXT;
  private static final int MAX_ID = MentionRules.MAX_ID;

  private MentionParser() {
  }

  public static Mention parse(JsonObject json) {
    Platform platform = platform(json);
    String externalId = id(json, "externalId");
    Author author = author(json.getValue("author"));
    String text = text(json);
    Instant createdAt = instant(json, "createdAt");
    String inReplyTo = optionalId(json, "inReplyTo");
    String url = optionalText(json, "url", 2048);
    if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
      throw new DomainError.Invalid("url", "must be an http(s) URL");
    }
    String lang = optionalText(json, "lang", 16);
    Mention mention = Mention.incoming(platform, null, externalId, author, text, createdAt, inReplyTo, url, lang, null)
        .withBrand(brand(json)).withVisibility(visibility(json));
    MentionRules.Problem problem = MentionRules.check(mention);
    if (problem != null) {
      throw new DomainError.Invalid(problem.field(), problem.message());
    }
    return mention;
  }

  /**
   * A brand id, or null for the default brand. Its shape is checked here; whether it names a
   * brand is the pipeline's check, which refuses the item naming {@code brand} too.
   */
  private static String brand(JsonObject json) {
    String brand = optionalText(json, "brand", 64);
    if (brand != null && !Brand.isValidId(brand)) {
      throw new DomainError.Invalid("brand", "must be a brand id such as tallycloud (GET /api/v1/brands lists them)");
    }
    return brand;
  }

  /** {@code "private": true} marks a direct message (DESIGN.md's normalized mention); absent or false: public. */
  private static Visibility visibility(JsonObject json) {
    Object value = json.getValue("private");
    if (value != null && !(value instanceof Boolean)) {
      throw new DomainError.Invalid("private", "must be true or false");
    }
    return Boolean.TRUE.equals(value) ? Visibility.PRIVATE : Visibility.PUBLIC;
  }

  private static Platform platform(JsonObject json) {
    String code = requiredText(json, "platform", 32);
    return Platform.fromCode(code).orElseThrow(() -> new DomainError.Invalid("platform",
        "'" + code + "' is not one of x, mastodon, bluesky, reddit, facebook, instagram, threads, sandbox"));
  }

  private static Author author(Object value) {
    if (!(value instanceof JsonObject a)) {
      throw new DomainError.Invalid("author", value == null ? "is required" : "must be an object");
    }
    String id = id(a, "id", "author.id");
    String handle = optionalText(a, "handle", MentionRules.MAX_HANDLE, "author.handle");
    String name = optionalText(a, "name", MentionRules.MAX_NAME, "author.name");
    Object followers = a.getValue("followers");
    if (followers != null && (!(followers instanceof Number n) || n.longValue() < 0)) {
      throw new DomainError.Invalid("author.followers", "must be a non-negative number");
    }
    Object verified = a.getValue("verified");
    if (verified != null && !(verified instanceof Boolean)) {
      throw new DomainError.Invalid("author.verified", "must be true or false");
    }
    return new Author(id, handle == null ? id : handle, name,
        followers == null ? 0 : ((Number) followers).longValue(), Boolean.TRUE.equals(verified));
  }

  private static String text(JsonObject json) {
    Object value = json.getValue("text");
    if (!(value instanceof String text)) {
      throw new DomainError.Invalid("text", value == null ? "is required" : "must be a string");
    }
    if (text.isBlank()) {
      throw new DomainError.Invalid("text", "must not be empty");
    }
    if (text.length() > MAX_TEXT) {
      throw new DomainError.Invalid("text", text.length() + " characters is over the limit of " + MAX_TEXT);
    }
    // NUL is never meaningful in a post and breaks some downstream tools; drop it, keep the rest.
    return text.indexOf('\0') >= 0 ? text.replace("\0", "") : text;
  }

  private static Instant instant(JsonObject json, String field) {
    String value = requiredText(json, field, 64);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid(field, "'" + value + "' is not an ISO-8601 date-time such as 2026-11-24T08:15:00Z");
    }
  }

  private static String id(JsonObject json, String field) {
    return id(json, field, field);
  }

  /** Platform ids arrive as strings or (X, sometimes) numbers; both are stored as strings. */
  private static String id(JsonObject json, String key, String field) {
    Object value = json.getValue(key);
    if (value instanceof Number n) {
      return n.toString();
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new DomainError.Invalid(field, value == null ? "is required" : "must be a non-empty string");
    }
    if (s.length() > MAX_ID) {
      throw new DomainError.Invalid(field, "is longer than " + MAX_ID + " characters");
    }
    return s;
  }

  private static String optionalId(JsonObject json, String field) {
    return json.getValue(field) == null ? null : id(json, field);
  }

  private static String requiredText(JsonObject json, String field, int max) {
    String value = optionalText(json, field, max, field);
    if (value == null || value.isBlank()) {
      throw new DomainError.Invalid(field, "is required");
    }
    return value;
  }

  private static String optionalText(JsonObject json, String field, int max) {
    return optionalText(json, field, max, field);
  }

  private static String optionalText(JsonObject json, String key, int max, String field) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new DomainError.Invalid(field, "must be a string");
    }
    if (s.length() > max) {
      throw new DomainError.Invalid(field, "is longer than " + max + " characters");
    }
    return s;
  }
}
