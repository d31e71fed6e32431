package io.earshot.connector.meta;

import io.earshot.connector.PollResult;
import io.earshot.connector.meta.MetaCursor.PostState;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads comments of the account's recent posts, one page per poll, so nothing is lost when a
 * webhook delivery is: the feed (or media) edge says which posts changed since the cursor (their
 * marker), and the oldest changed post's comments are read forward from its Graph {@code after}
 * cursor, oldest first. A post's marker is stored only once its walk reached the end, so a walk
 * cut short resumes where it stopped. Instagram lists top-level comments with their replies, so
 * a reply to a comment read earlier shows only in the media's count: when a walk ends with fewer
 * comments read than the count, the media's comments are read again from the start (duplicates
 * are the ingest pipeline's to drop).
 */
final class MetaCatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(MetaCatchUp.class);
  private final GraphClient graph;
  private final MetaSurface surface;
  private final String account;
  private final int pageSize;
  private final int recentPosts;

  MetaCatchUp(GraphClient graph, MetaSurface surface, String account, int pageSize, int recentPosts) {
    this.graph = graph;
    this.surface = surface;
    this.account = account;
    this.pageSize = pageSize;
    this.recentPosts = recentPosts;
  }

  /** One page of what is new; {@code ownerId} is the Page or Instagram account, {@code brandId} its author id. */
  Future<PollResult> poll(String raw, String ownerId, String brandId) {
    MetaCursor cursor = readable(raw);
    return graph.get("/" + ownerId + "/" + surface.postsEdge,
            Map.of("fields", surface.postFields, "limit", String.valueOf(recentPosts)))
        .compose(feed -> {
          List<JsonObject> posts = oldestFirst(feed.getJsonArray("data", new JsonArray()));
          MetaCursor kept = cursor.retain(posts.stream().map(p -> p.getString("id")).toList());
          List<JsonObject> changed = posts.stream().filter(p -> changed(kept, p)).toList();
          return changed.isEmpty() ? Future.succeededFuture(new PollResult(List.of(), kept.encode(), 0, false))
              : read(kept, changed.get(0), brandId, changed.size() > 1);
        });
  }

  private boolean changed(MetaCursor cursor, JsonObject post) {
    PostState state = cursor.of(post.getString("id"));
    return state.rescan() != null || !surface.marker(post).equals(state.marker());
  }

  private Future<PollResult> read(MetaCursor cursor, JsonObject post, String brandId, boolean othersWaiting) {
    String postId = post.getString("id");
    PostState state = cursor.of(postId);
    String after = state.rescan() != null ? state.rescan() : state.after();
    return graph.get("/" + postId + "/comments", surface.commentQuery(after, pageSize))
        .map(page -> {
          Page read = mentions(page.getJsonArray("data", new JsonArray()), postId, brandId);
          JsonObject paging = page.getJsonObject("paging", new JsonObject());
          String nextAfter = read.seen == 0 ? after
              : paging.getJsonObject("cursors", new JsonObject()).getString("after", after);
          PostState next = settle(state, post, read.seen, nextAfter, paging.getString("next") != null);
          boolean more = othersWaiting || !surface.marker(post).equals(next.marker()) || next.rescan() != null;
          return new PollResult(read.mentions, cursor.with(postId, next).encode(), read.skipped, more);
        });
  }

  /** The post's state after one page: still walking, done (marker stored), or a re-read begun. */
  private PostState settle(PostState s, JsonObject post, int seen, String nextAfter, boolean hasNext) {
    String marker = surface.marker(post);
    long count = surface.count(post);
    if (s.rescan() != null) {
      long known = s.known() + seen;
      return hasNext ? new PostState(s.after(), s.marker(), known, nextAfter)
          : new PostState(s.after(), marker, Math.max(known, count), null);
    }
    long known = s.known() + seen;
    if (hasNext) {
      return new PostState(nextAfter, s.marker(), known, null);
    }
    if (surface == MetaSurface.INSTAGRAM && known < count) {
      LOG.debug("meta re-reading media account={} post={} read={} count={}", account, post.getString("id"), known, count);
      return new PostState(nextAfter, s.marker(), 0, "");
    }
    return new PostState(nextAfter, marker, Math.min(known, count), null);
  }

  private record Page(List<Mention> mentions, int seen, int skipped) {
  }

  /** A comment and the one it answers (null for a top-level comment). */
  private record Node(JsonObject comment, String parentId) {
  }

  /** Top-level comments and (Instagram) their nested replies; the brand's own comments are no mentions. */
  private Page mentions(JsonArray data, String postId, String brandId) {
    List<Mention> out = new ArrayList<>();
    int seen = 0;
    int skipped = 0;
    for (Object item : data) {
      JsonObject c = item instanceof JsonObject o ? o : new JsonObject();
      JsonObject parentRef = c.getJsonObject("parent");
      List<Node> nodes = new ArrayList<>();
      nodes.add(new Node(c, parentRef == null ? c.getString("parent_id") : parentRef.getString("id")));
      c.getJsonObject("replies", new JsonObject()).getJsonArray("data", new JsonArray())
          .forEach(r -> nodes.add(new Node(r instanceof JsonObject o ? o : new JsonObject(), c.getString("id"))));
      for (Node node : nodes) {
        seen++;
        skipped += add(out, node.comment(), postId, node.parentId(), brandId) ? 0 : 1;
      }
    }
    return new Page(out, seen, skipped);
  }

  private boolean add(List<Mention> out, JsonObject c, String postId, String parent, String brandId) {
    JsonObject from = c.getJsonObject("from", new JsonObject());
    if (brandId.equals(from.getString("id"))) {
      return true;
    }
    try {
      out.add(MetaMapper.mention(surface, account, postId, c, parent));
      return true;
    } catch (RuntimeException malformed) {
      LOG.warn("meta skipped malformed comment account={} post={} id={}: {}", account, postId, c.getString("id"),
          malformed.toString());
      return false;
    }
  }

  private MetaCursor readable(String raw) {
    try {
      return MetaCursor.parse(raw);
    } catch (IllegalArgumentException e) {
      // A cursor from another platform or version: starting over re-reads, and ingest drops what it has.
      LOG.warn("meta cursor unreadable, starting over account={}", account);
      return MetaCursor.parse(null);
    }
  }

  private static List<JsonObject> oldestFirst(JsonArray data) {
    List<JsonObject> posts = new ArrayList<>();
    data.forEach(p -> {
      if (p instanceof JsonObject o && o.getString("id") != null) {
        posts.add(o);
      }
    });
    Collections.reverse(posts);
    return posts;
  }
}
