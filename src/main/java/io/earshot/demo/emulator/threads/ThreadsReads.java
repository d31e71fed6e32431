package io.earshot.demo.emulator.threads;

import io.earshot.demo.emulator.threads.ThreadsState.Kind;
import io.earshot.demo.emulator.threads.ThreadsState.Media;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The read side of the emulated Threads API: the profile, its posts and replies, a post's
 * conversation and direct replies, mentions, insights and the publishing limit. Each method
 * answers the body, or throws {@link ThreadsError} with the error Meta would give.
 */
final class ThreadsReads {
  /** The earliest {@code since} Meta accepts for mentions (July 5, 2023). */
  static final long EARLIEST_SINCE = 1_688_540_400L;
  static final Set<String> METRICS = Set.of("views", "likes", "replies", "reposts", "quotes", "shares");
  private final ThreadsState state;

  ThreadsReads(ThreadsState state) {
    this.state = state;
  }

  /** What a request asked: the node, the query (and form) parameters, and where {@code next} points. */
  record Ask(String id, Map<String, String> params, String selfUrl) {
    String param(String name) {
      String v = params.get(name);
      return v == null || v.isBlank() ? null : v;
    }

    int limit() {
      try {
        return param("limit") == null ? 25 : Math.max(1, Math.min(100, Integer.parseInt(param("limit"))));
      } catch (NumberFormatException e) {
        throw new ThreadsError(100, "(#100) Param limit must be a number");
      }
    }

    boolean isUser() {
      return "me".equals(id) || ThreadsState.USER_ID.equals(id);
    }

    boolean reverse(boolean fallback) {
      return param("reverse") == null ? fallback : Boolean.parseBoolean(param("reverse"));
    }
  }

  JsonObject me(Ask ask) {
    if (!ask.isUser()) {
      return ThreadsJson.media(existing(ask.id()), ThreadsJson.fields(ask.param("fields")));
    }
    for (String f : (ask.param("fields") == null ? "id" : ask.param("fields")).split(",")) {
      if (!Set.of("id", "username", "name", "threads_biography", "threads_profile_picture_url").contains(f.trim())) {
        throw new ThreadsError(100, "(#100) Tried accessing nonexisting field (" + f + ") on node type (ThreadsUser)");
      }
    }
    return new JsonObject().put("id", ThreadsState.USER_ID).put("username", ThreadsState.USERNAME)
        .put("name", "Acme Support");
  }

  /** The profile's posts, newest first. */
  JsonObject threads(Ask ask) {
    user(ask);
    return page(ask, m -> m.kind == Kind.POST, true);
  }

  /** {@code /{user}/replies}: the profile's own replies; {@code /{media}/replies}: the media's direct replies. */
  JsonObject replies(Ask ask) {
    permitted("threads_read_replies");
    if (ask.isUser()) {
      return page(ask, m -> m.kind == Kind.REPLY && m.byBrand(), true);
    }
    Media of = owned(ask.id());
    return page(ask, m -> m.repliedTo == of, ask.reverse(true));
  }

  /** Every reply under one of the brand's posts, at any depth. */
  JsonObject conversation(Ask ask) {
    permitted("threads_read_replies");
    Media post = owned(ask.id());
    Media root = post.root == null ? post : post.root;
    return page(ask, m -> m.root == root && m.kind == Kind.REPLY && (post == root || below(m, post)),
        ask.reverse(true));
  }

  /** Posts of other profiles that tag the brand, newest first, {@code since}/{@code until} in epoch seconds. */
  JsonObject mentions(Ask ask) {
    user(ask);
    permitted("threads_manage_mentions");
    long now = Instant.now().getEpochSecond();
    long since = seconds(ask, "since", EARLIEST_SINCE);
    long until = seconds(ask, "until", now);
    if (since < EARLIEST_SINCE || until > now + 1 || since >= until + 1) {
      throw new ThreadsError(100, "(#100) since must be at least " + EARLIEST_SINCE + " and not after until, and until"
          + " not after now");
    }
    return page(ask, m -> m.kind == Kind.MENTION && m.created.getEpochSecond() >= since
        && m.created.getEpochSecond() <= until, true);
  }

  JsonObject insights(Ask ask) {
    permitted("threads_manage_insights");
    Media m = existing(ask.id());
    if (ask.param("metric") == null) {
      throw new ThreadsError(100, "(#100) The parameter metric is required");
    }
    JsonArray data = new JsonArray();
    for (String metric : ask.param("metric").split(",")) {
      if (!METRICS.contains(metric.trim())) {
        throw new ThreadsError(100, "(#100) metric[0] must be one of the following values: " + METRICS);
      }
      data.add(new JsonObject().put("name", metric.trim()).put("period", "lifetime")
          .put("values", new JsonArray().add(new JsonObject().put("value", value(m, metric.trim()))))
          .put("id", m.id + "/insights/" + metric.trim() + "/lifetime"));
    }
    return new JsonObject().put("data", data);
  }

  JsonObject publishingLimit(Ask ask) {
    user(ask);
    JsonObject limit = new JsonObject();
    for (String f : (ask.param("fields") == null ? "quota_usage" : ask.param("fields")).split(",")) {
      switch (f.trim()) {
        case "quota_usage" -> limit.put("quota_usage", 0);
        case "config" -> limit.put("config", new JsonObject().put("quota_total", 250).put("quota_duration", 86_400));
        case "reply_quota_usage" -> limit.put("reply_quota_usage", state.repliesUsed());
        case "reply_config" -> limit.put("reply_config", new JsonObject().put("quota_total", state.replyQuota())
            .put("quota_duration", 86_400));
        default -> throw new ThreadsError(100, "(#100) Tried accessing nonexisting field (" + f + ")");
      }
    }
    return new JsonObject().put("data", new JsonArray().add(limit));
  }

  private long value(Media m, String metric) {
    return switch (metric) {
      case "views" -> m.views;
      case "likes" -> m.likes;
      case "reposts" -> m.reposts;
      case "quotes" -> m.quotes;
      case "replies" -> state.select(r -> r.repliedTo == m && !r.deleted, false).size();
      default -> 0;
    };
  }

  private JsonObject page(Ask ask, Predicate<Media> which, boolean newestFirst) {
    Set<String> fields = ThreadsJson.fields(ask.param("fields"));
    if (ask.param("before") != null && ask.param("after") != null) {
      throw new ThreadsError(100, "(#100) before and after cannot be passed at the same time");
    }
    long after = ThreadsJson.cursorKey(ask.param("after"));
    List<Media> all = state.select(which.and(m -> after == 0 || (newestFirst ? m.seq < after : m.seq > after)),
        newestFirst);
    List<Media> slice = all.subList(0, Math.min(ask.limit(), all.size()));
    return ThreadsJson.page(slice, fields, all.size() > slice.size(), ask.selfUrl());
  }

  private static boolean below(Media m, Media ancestor) {
    for (Media p = m.repliedTo; p != null; p = p.repliedTo) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The brand's post, or a reply under one: what the profile may read the replies of. */
  private Media owned(String id) {
    Media m = existing(id);
    Media root = m.root == null ? m : m.root;
    if (root.kind != Kind.POST || !root.byBrand()) {
      throw ThreadsError.missing(id);
    }
    return m;
  }

  Media existing(String id) {
    Media m = state.get(id);
    if (m == null) {
      throw ThreadsError.missing(id);
    }
    return m;
  }

  private static void user(Ask ask) {
    if (!ask.isUser()) {
      throw ThreadsError.missing(ask.id());
    }
  }

  void permitted(String permission) {
    if (!state.granted(permission)) {
      throw ThreadsError.permission(permission);
    }
  }

  private static long seconds(Ask ask, String name, long fallback) {
    try {
      return ask.param(name) == null ? fallback : Long.parseLong(ask.param(name));
    } catch (NumberFormatException e) {
      throw new ThreadsError(100, "(#100) Param " + name + " must be a UNIX timestamp");
    }
  }
}
