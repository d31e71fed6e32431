package io.earshot.demo.emulator.xv2;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The paging parameters X's v2 timelines and search share, checked as X checks them: a
 * {@code max_results} inside the endpoint's range, a numeric {@code since_id}, a
 * {@code start_time} in RFC 3339, a pagination token the emulator issued, known fields. A bad
 * one is answered 400 with X's problem document, and {@link #parse} is then empty.
 */
record XV2Request(int maxResults, Long sinceId, Instant startTime, Long below, Set<String> tweetFields,
                  Set<String> userFields, boolean expandAuthors) {

  static Optional<XV2Request> parse(RoutingContext ctx, int min, int max, String tokenParam, XV2State state) {
    String rawMax = ctx.request().getParam("max_results", "10");
    Integer maxResults = rawMax.matches("[0-9]{1,4}") ? Integer.valueOf(rawMax) : null;
    if (maxResults == null || maxResults < min || maxResults > max) {
      XV2Json.invalid(ctx, "max_results", "The `max_results` query parameter value [" + rawMax + "] is not between "
          + min + " and " + max);
      return Optional.empty();
    }
    String since = ctx.request().getParam("since_id");
    if (since != null && !since.matches("[0-9]{1,19}")) {
      XV2Json.invalid(ctx, "since_id", "The `since_id` query parameter value [" + since + "] is not valid");
      return Optional.empty();
    }
    Instant start = XV2Emulator.instant(ctx.request().getParam("start_time"));
    if (Instant.MIN.equals(start)) {
      XV2Json.invalid(ctx, "start_time", "The `start_time` query parameter value is not a valid RFC 3339 date-time");
      return Optional.empty();
    }
    String token = ctx.request().getParam(tokenParam);
    Long below = token == null ? null : state.below(token);
    if (token != null && below == null) {
      XV2Json.invalid(ctx, tokenParam, "The `" + tokenParam + "` query parameter value [" + token + "] is not valid");
      return Optional.empty();
    }
    Object tweetFields = XV2Json.fields(ctx, "tweet.fields", true);
    Object userFields = XV2Json.fields(ctx, "user.fields", false);
    if (tweetFields instanceof String || userFields instanceof String) {
      XV2Json.invalid(ctx, tweetFields instanceof String ? "tweet.fields" : "user.fields", "a field is not one of the allowed values");
      return Optional.empty();
    }
    boolean expand = ctx.request().getParam("expansions", "").contains("author_id");
    return Optional.of(new XV2Request(maxResults, since == null ? null : Long.valueOf(since), start, below,
        XV2Emulator.castSet(tweetFields), XV2Emulator.castSet(userFields), expand));
  }

  boolean since(JsonObject post) {
    return startTime == null || !Instant.parse(post.getString("created_at")).isBefore(startTime);
  }

  JsonObject answer(XV2State state, Predicate<JsonObject> keep) {
    XV2State.Page page = state.page(keep, sinceId, below, maxResults);
    String next = page.nextBelow() == null ? null : state.token(page.nextBelow());
    return XV2Json.page(page.posts(), tweetFields, expandAuthors, state::user, userFields, next);
  }
}
