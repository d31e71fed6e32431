package io.earshot.connector.mastodon;

import io.earshot.connector.http.HtmlText;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Maps Mastodon's notification and status JSON to Earshot's domain records. */
final class MastodonMapper {
  private MastodonMapper() {
  }

  /**
   * A mention notification as a {@link Mention}; throws when a field every reply needs is
   * missing or mistyped, so the caller can skip and count the item.
   */
  static Mention mention(String accountName, JsonObject notification) {
    JsonObject status = Objects.requireNonNull(notification.getJsonObject("status"), "status");
    JsonObject account = Objects.requireNonNull(status.getJsonObject("account"), "status.account");
    String statusId = Objects.requireNonNull(status.getString("id"), "status.id");
    String acct = Objects.requireNonNull(account.getString("acct"), "account.acct");
    Author author = new Author(Objects.requireNonNull(account.getString("id"), "account.id"),
        acct, account.getString("display_name", ""), account.getLong("followers_count", 0L), false);
    Map<String, String> meta = new HashMap<>();
    meta.put("visibility", status.getString("visibility", "public"));
    meta.put("acct", acct);
    meta.put("notificationId", notification.getString("id"));
    meta.put("bot", String.valueOf(account.getBoolean("bot", false)));
    meta.put("type", notification.getString("type", "mention"));
    meta.put("mentions", participants(status));
    meta.put("spoilerText", status.getString("spoiler_text", ""));
    String html = Objects.requireNonNull(status.getString("content"), "status.content");
    return Mention.incoming(Platform.MASTODON, accountName, statusId, author,
        HtmlText.toPlain(html), OffsetDateTime.parse(status.getString("created_at")).toInstant(),
        status.getString("in_reply_to_id"), status.getString("url"), status.getString("language"),
        meta).withVisibility(visibility(status));
  }

  /**
   * A {@code direct} status is seen only by the people it mentions: Mastodon's private message.
   * Followers-only ({@code private}) and {@code unlisted} statuses are posts, read as public
   * mentions; a reply keeps their visibility.
   */
  private static Visibility visibility(JsonObject status) {
    return "direct".equals(status.getString("visibility")) ? Visibility.PRIVATE : Visibility.PUBLIC;
  }

  /** Counts of a status; {@code quotes_count} exists from Mastodon 4.5 on (null before), impressions never. */
  static Engagement engagement(JsonObject status) {
    return new Engagement(status.getLong("favourites_count", 0L), status.getLong("reblogs_count", 0L),
        status.getLong("replies_count", 0L), status.getLong("quotes_count"), null, Instant.now());
  }

  /** Everyone the status names ({@code mentions[].acct}), space-separated, for a reply that keeps them. */
  private static String participants(JsonObject status) {
    JsonArray mentions = status.getJsonArray("mentions", new JsonArray());
    StringBuilder out = new StringBuilder();
    mentions.forEach(m -> {
      if (m instanceof JsonObject o && o.getValue("acct") instanceof String acct && !acct.isBlank()) {
        out.append(out.length() == 0 ? "" : " ").append(acct);
      }
    });
    return out.toString();
  }
}
