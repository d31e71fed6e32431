package io.earshot.connector.x;

import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import twitter4j.TwitterObjectFactory;
import twitter4j.v1.Status;
import twitter4j.v1.URLEntity;
import twitter4j.v1.User;

/** Maps Twitter4J statuses to Earshot's domain records. */
final class XMapper {
  /** v1.1's {@code created_at}: "Wed Oct 10 20:19:24 +0000 2018", always with its offset. */
  static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

  private XMapper() {
  }

  /** A status and its creation instant, read from the raw JSON on the thread that fetched it. */
  record Tweet(Status status, Instant createdAt) {
  }

  /**
   * Twitter4J 4.1 turns {@code created_at} into a LocalDateTime of the JVM's zone, which is
   * ambiguous in the hour a DST zone falls back (01:30 happens twice in New York), so the
   * instant is parsed from the raw JSON instead. The raw JSON lives in a thread-local of the
   * thread that made the call, so this must run there, right after it.
   */
  static Tweet read(Status status) {
    String raw = TwitterObjectFactory.getRawJSON(status);
    Instant at = null;
    if (raw != null) {
      String created = new JsonObject(raw).getString("created_at");
      at = created == null ? null : ZonedDateTime.parse(created, CREATED_AT).toInstant();
    }
    if (at == null && status.getCreatedAt() != null) {
      at = status.getCreatedAt().atZone(ZoneId.systemDefault()).toInstant();
    }
    return new Tweet(status, at);
  }

  /** Throws when the tweet lacks its author, so the caller skips and counts it. */
  static Mention mention(String accountName, Tweet tweet, String source) {
    Status status = tweet.status();
    User user = Objects.requireNonNull(status.getUser(), "user");
    Objects.requireNonNull(status.getText(), "text");
    Author author = new Author(String.valueOf(user.getId()), user.getScreenName(), user.getName(),
        user.getFollowersCount(), user.isVerified());
    String id = String.valueOf(status.getId());
    String inReplyTo = status.getInReplyToStatusId() > 0 ? String.valueOf(status.getInReplyToStatusId()) : null;
    return Mention.incoming(Platform.X, accountName, id, author, expandLinks(status),
        Objects.requireNonNull(tweet.createdAt(), "created_at"), inReplyTo,
        "https://x.com/" + user.getScreenName() + "/status/" + id,
        status.getLang(), Map.of("screenName", user.getScreenName(), "source", source));
  }

  /** X rewrites every link to t.co; the tweet's entities say where each one really goes. */
  static String expandLinks(Status status) {
    String text = status.getText();
    URLEntity[] urls = status.getURLEntities();
    if (urls == null) {
      return text;
    }
    for (URLEntity u : urls) {
      if (u.getURL() != null && u.getExpandedURL() != null && !u.getExpandedURL().isBlank()) {
        text = text.replace(u.getURL(), u.getExpandedURL());
      }
    }
    return text;
  }

  /** v1.1 has no reply count for standard access; replies stay 0. */
  static Engagement engagement(Status status) {
    return new Engagement(status.getFavoriteCount(), status.getRetweetCount(), 0, Instant.now());
  }
}
