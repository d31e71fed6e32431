package io.earshot.connector.x;

import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/** Maps Twitter4J statuses to Earshot's domain records. */
final class XMapper {
  private XMapper() {
  }

  /** Throws when the tweet lacks its author, so the caller skips and counts it. */
  static Mention mention(String accountName, Status status, String source) {
    User user = Objects.requireNonNull(status.getUser(), "user");
    Objects.requireNonNull(status.getText(), "text");
    Author author = new Author(String.valueOf(user.getId()), user.getScreenName(), user.getName(),
        user.getFollowersCount(), user.isVerified());
    String id = String.valueOf(status.getId());
    String inReplyTo = status.getInReplyToStatusId() > 0 ? String.valueOf(status.getInReplyToStatusId()) : null;
    return Mention.incoming(Platform.X, accountName, id, author, status.getText(),
        instant(status), inReplyTo, "https://x.com/" + user.getScreenName() + "/status/" + id,
        status.getLang(), Map.of("screenName", user.getScreenName(), "source", source));
  }

  /** v1.1 has no reply count for standard access; replies stay 0. */
  static Engagement engagement(Status status) {
    return new Engagement(status.getFavoriteCount(), status.getRetweetCount(), 0, Instant.now());
  }

  /** Twitter4J 4.1 turns created_at into wall time of the JVM's zone; undo that. */
  private static Instant instant(Status status) {
    return Objects.requireNonNull(status.getCreatedAt(), "created_at").atZone(ZoneId.systemDefault()).toInstant();
  }
}
