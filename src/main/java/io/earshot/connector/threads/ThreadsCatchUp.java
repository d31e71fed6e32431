package io.earshot.connector.threads;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.PollResult;
import io.earshot.connector.meta.GraphClient;
import io.earshot.connector.threads.ThreadsCursor.Mentions;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what customers wrote to the brand on Threads, one page per poll, in rounds: each recent
 * post's {@code /conversation} (every reply at any depth, oldest first with {@code reverse=false})
 * forward from its stored {@code after} cursor, then the profile's {@code /mentions} (posts that
 * tag it, newest first) since the newest second read before. Threads gives posts no reply count to
 * tell which changed, so a round (listed when it begins) visits every recent post; a page with
 * {@code next} is followed at once, and {@code more} is false only when a round ends, so an idle
 * profile costs one round per poll interval: one request per recent post, one for the mentions
 * and one for the listing. A page may come back short (replies deleted since) and still have {@code next}.
 */
final class ThreadsCatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadsCatchUp.class);
  private final GraphClient graph;
  private final String account;
  private final int pageSize;
  private final int recentPosts;
  private final boolean readMentions;

  ThreadsCatchUp(GraphClient graph, String account, int pageSize, int recentPosts, boolean readMentions) {
    this.graph = graph;
    this.account = account;
    this.pageSize = pageSize;
    this.recentPosts = recentPosts;
    this.readMentions = readMentions;
  }

  /** One page of what is new for the profile {@code userId}, whose own replies ({@code username}) are skipped. */
  Future<PollResult> poll(String raw, String userId, String username) {
    return round(readable(raw), userId).compose(cursor -> {
      List<String> posts = cursor.round();
      int sources = posts.size() + (readMentions ? 1 : 0);
      if (sources == 0) {
        return Future.succeededFuture(new PollResult(List.of(), cursor.withTurn(0).encode(), 0, false));
      }
      int turn = cursor.turn() % sources;
      return turn < posts.size() ? conversation(cursor, posts.get(turn), turn, sources, username)
          : mentions(cursor, userId, turn, sources, username);
    });
  }

  /** The cursor with this round's posts: listed anew ({@code GET /{user-id}/threads}) when a round begins. */
  private Future<ThreadsCursor> round(ThreadsCursor cursor, String userId) {
    if (cursor.turn() != 0 && !cursor.round().isEmpty()) {
      return Future.succeededFuture(cursor);
    }
    return graph.get("/" + userId + "/threads", Map.of("fields", "id,timestamp", "limit", String.valueOf(recentPosts)))
        .map(listing -> cursor.retain(oldestFirst(listing.getJsonArray("data", new JsonArray()))));
  }

  private Future<PollResult> conversation(ThreadsCursor cursor, String postId, int turn, int sources, String username) {
    String after = cursor.after(postId);
    Map<String, String> q = query(after);
    q.put("reverse", "false");
    // A post the brand deleted since the round began answers code 100: the round moves past it.
    return graph.get("/" + postId + "/conversation", q).recover(e -> e instanceof ConnectorException.Rejected
            && e.getMessage().contains("(code 100)") ? Future.succeededFuture(new JsonObject()) : Future.failedFuture(e))
        .map(page -> {
          Read read = read(page.getJsonArray("data", new JsonArray()), username, false, null);
          String nextAfter = afterOf(page, after);
          return result(cursor.withAfter(postId, nextAfter), read, hasNext(page), turn, sources);
        });
  }

  private Future<PollResult> mentions(ThreadsCursor cursor, String userId, int turn, int sources, String username) {
    Mentions m = cursor.mentions();
    Map<String, String> q = query(m.after());
    if (m.since() > 0) {
      q.put("since", String.valueOf(m.since()));
    }
    return graph.get("/" + userId + "/mentions", q).map(page -> {
      Read read = read(page.getJsonArray("data", new JsonArray()), username, true, m);
      Mentions walked = walked(m, read);
      boolean next = hasNext(page);
      Mentions after = next ? new Mentions(m.since(), afterOf(page, m.after()), walked.newest(), m.seenAtSince(),
          walked.atNewest()) : finished(m, walked);
      return result(cursor.withMentions(after), read, next, turn, sources);
    });
  }

  /** The newest second a walk saw and the ids read at it, after this page. */
  private static Mentions walked(Mentions m, Read read) {
    long newest = m.after() == null ? 0 : m.newest();
    List<String> atNewest = new ArrayList<>(m.after() == null ? List.of() : m.atNewest());
    for (Map.Entry<String, Long> e : read.seconds.entrySet()) {
      if (e.getValue() > newest) {
        newest = e.getValue();
        atNewest.clear();
      }
      if (e.getValue() == newest) {
        atNewest.add(e.getKey());
      }
    }
    return new Mentions(m.since(), null, newest, m.seenAtSince(), atNewest);
  }

  /** A walk that reached its end: the next reads from its newest second, skipping what it read there. */
  private static Mentions finished(Mentions m, Mentions walked) {
    if (walked.newest() < m.since() || walked.newest() == 0) {
      return new Mentions(m.since(), null, 0, m.seenAtSince(), List.of());
    }
    List<String> seen = new ArrayList<>(walked.atNewest());
    if (walked.newest() == m.since()) {
      seen.addAll(m.seenAtSince());
    }
    return new Mentions(walked.newest(), null, 0, seen, List.of());
  }

  private static PollResult result(ThreadsCursor cursor, Read read, boolean next, int turn, int sources) {
    boolean roundOver = !next && turn + 1 >= sources;
    int nextTurn = next ? turn : roundOver ? 0 : turn + 1;
    return new PollResult(read.mentions, cursor.withTurn(nextTurn).encode(), read.skipped, !roundOver);
  }

  /** What one page held: the mentions, how many were malformed, and (mentions) each id's second. */
  private record Read(List<Mention> mentions, int skipped, Map<String, Long> seconds) {
  }

  private Read read(JsonArray data, String username, boolean mention, Mentions walk) {
    List<Mention> out = new ArrayList<>();
    Map<String, Long> seconds = new LinkedHashMap<>();
    int skipped = 0;
    for (Object item : data) {
      JsonObject m = item instanceof JsonObject o ? o : new JsonObject();
      if (username.equals(m.getString("username"))) {
        continue;
      }
      try {
        Mention read = ThreadsMapper.mention(account, m, mention);
        long second = read.createdAt().getEpochSecond();
        if (walk != null && second == walk.since() && walk.seenAtSince().contains(read.externalId())) {
          continue;
        }
        seconds.put(read.externalId(), second);
        out.add(read);
      } catch (RuntimeException malformed) {
        skipped++;
        LOG.warn("threads skipped malformed {} account={} id={}: {}", mention ? "mention" : "reply", account,
            m.getString("id"), malformed.toString());
      }
    }
    return new Read(out, skipped, seconds);
  }

  private Map<String, String> query(String after) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", ThreadsMapper.FIELDS);
    q.put("limit", String.valueOf(pageSize));
    if (after != null && !after.isBlank()) {
      q.put("after", after);
    }
    return q;
  }

  /** The page's {@code after} cursor; an empty page without cursors stays where it was. */
  private static String afterOf(JsonObject page, String previous) {
    JsonObject cursors = page.getJsonObject("paging", new JsonObject()).getJsonObject("cursors", new JsonObject());
    return cursors.getString("after", previous);
  }

  private static boolean hasNext(JsonObject page) {
    return page.getJsonObject("paging", new JsonObject()).getString("next") != null;
  }

  private ThreadsCursor readable(String raw) {
    try {
      return ThreadsCursor.parse(raw);
    } catch (IllegalArgumentException e) {
      // A cursor from another platform or version: starting over re-reads, and ingest drops what it has.
      LOG.warn("threads cursor unreadable, starting over account={}", account);
      return ThreadsCursor.parse(null);
    }
  }

  private static List<String> oldestFirst(JsonArray data) {
    List<String> posts = new ArrayList<>();
    data.forEach(p -> {
      if (p instanceof JsonObject o && o.getString("id") != null) {
        posts.add(o.getString("id"));
      }
    });
    Collections.reverse(posts);
    return posts;
  }
}
