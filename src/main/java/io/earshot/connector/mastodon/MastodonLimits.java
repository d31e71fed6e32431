package io.earshot.connector.mastodon;

import io.earshot.connector.ReplyCheck;
import io.earshot.connector.http.TextCount;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an instance counts a status: graphemes, every URL as {@code characters_reserved_per_url}
 * whatever its length, and a remote mention {@code @user@domain} as just {@code @user}. Limits
 * come from /api/v2/instance because many instances raise the default 500.
 */
record MastodonLimits(int maxCharacters, int charactersPerUrl) {
  static final MastodonLimits DEFAULT = new MastodonLimits(500, 23);
  private static final Pattern REMOTE_MENTION =
      Pattern.compile("(?<![\\w/])(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]");

  static MastodonLimits from(JsonObject instance) {
    JsonObject statuses = instance.getJsonObject("configuration", new JsonObject())
        .getJsonObject("statuses", new JsonObject());
    return new MastodonLimits(statuses.getInteger("max_characters", 500),
        statuses.getInteger("characters_reserved_per_url", 23));
  }

  ReplyCheck check(String text) {
    return ReplyCheck.fits(length(text), maxCharacters);
  }

  int length(String text) {
    Matcher urls = TextCount.URL.matcher(text);
    int count = 0;
    StringBuilder rest = new StringBuilder();
    while (urls.find()) {
      count++;
      urls.appendReplacement(rest, "");
    }
    urls.appendTail(rest);
    String withoutDomains = REMOTE_MENTION.matcher(rest).replaceAll("$1");
    return TextCount.graphemes(withoutDomains) + count * charactersPerUrl;
  }
}
