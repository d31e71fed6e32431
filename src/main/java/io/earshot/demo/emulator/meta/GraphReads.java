package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.meta.MetaState.Comment;
import io.earshot.demo.emulator.meta.MetaState.Post;
import io.earshot.demo.emulator.meta.MetaState.Surface;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The read side of the emulated Graph API: nodes and the edges the connector walks. Each method
 * answers the body, or throws {@link GraphError} with the error Graph would give.
 */
final class GraphReads {
  private final MetaState state;

  GraphReads(MetaState state) {
    this.state = state;
  }

  /** What a request asked: the node, its edge, the query parameters, and where {@code next} points. */
  record Ask(String id, String edge, Map<String, String> params, String selfUrl) {
    String param(String name) {
      String v = params.get(name);
      return v == null || v.isBlank() ? null : v;
    }

    int limit() {
      try {
        return param("limit") == null ? 25 : Math.max(1, Math.min(100, Integer.parseInt(param("limit"))));
      } catch (NumberFormatException e) {
        throw new GraphError(100, "(#100) Param limit must be a number", null);
      }
    }
  }

  JsonObject node(Ask ask) {
    if ("me".equals(ask.id()) || MetaState.PAGE_ID.equals(ask.id())) {
      Map<String, String> fields = checked(ask, Set.of("id", "name", "instagram_business_account"), "name,id");
      JsonObject page = new JsonObject().put("id", MetaState.PAGE_ID).put("name", MetaState.PAGE_NAME);
      if (fields.containsKey("instagram_business_account")) {
        page.put("instagram_business_account", new JsonObject().put("id", MetaState.IG_USER_ID));
      }
      return page;
    }
    if (MetaState.IG_USER_ID.equals(ask.id())) {
      if (GraphMentions.asks(ask.param("fields"))) {
        return new GraphMentions(state).answer(ask.param("fields"));
      }
      checked(ask, Set.of("id", "username", "name"), "id");
      return new JsonObject().put("id", MetaState.IG_USER_ID).put("username", MetaState.IG_USERNAME)
          .put("name", MetaState.PAGE_NAME);
    }
    Post post = state.post(ask.id());
    if (post != null) {
      boolean fb = post.surface == Surface.FACEBOOK;
      return GraphJson.post(post, checked(ask, fb ? GraphJson.FB_POST : GraphJson.IG_MEDIA,
          fb ? "created_time,message,id" : "id"));
    }
    Comment c = existing(ask.id());
    boolean fb = c.post.surface == Surface.FACEBOOK;
    Map<String, String> fields = checked(ask, fb ? GraphJson.FB_COMMENT : GraphJson.IG_COMMENT,
        fb ? "created_time,from,message,id" : "id,text,timestamp");
    return GraphJson.comment(c, fields, fields.containsKey("replies") ? replies(c) : null);
  }

  JsonObject posts(Ask ask, Surface surface) {
    boolean fb = surface == Surface.FACEBOOK;
    Map<String, String> fields = checked(ask, fb ? GraphJson.FB_POST : GraphJson.IG_MEDIA,
        fb ? "created_time,message,id" : "id");
    long after = key(ask.param("after"));
    List<Post> all = state.posts(surface).stream().filter(p -> after == 0 || number(p.id) < after).toList();
    List<Post> page = all.subList(0, Math.min(ask.limit(), all.size()));
    JsonArray data = new JsonArray();
    page.forEach(p -> data.add(GraphJson.post(p, fields)));
    return page.isEmpty() ? new JsonObject().put("data", data) : GraphJson.page(data, String.valueOf(number(page.get(0).id)),
        String.valueOf(number(page.get(page.size() - 1).id)), all.size() > page.size(), ask.selfUrl());
  }

  /**
   * A Page post's comments: top-level only unless {@code filter=stream} (Graph's default is
   * {@code toplevel}), oldest first unless {@code order=reverse_chronological}. A comment's own
   * comments are its replies. Instagram media list top-level comments, oldest first; replies
   * come through {@code replies} (the field or the edge).
   */
  JsonObject comments(Ask ask) {
    Post post = state.post(ask.id());
    if (post != null && post.owner != null) {
      throw GraphError.missing(ask.id()); // another account's media: its comments are not the brand's to list
    }
    Comment parent = post == null ? existing(ask.id()) : null;
    Surface surface = post != null ? post.surface : parent.post.surface;
    if (parent != null && surface == Surface.INSTAGRAM && "comments".equals(ask.edge())) {
      throw new GraphError(100, "(#100) Tried accessing nonexisting field (comments) on node type (IGComment)", null);
    }
    boolean fb = surface == Surface.FACEBOOK;
    Map<String, String> fields = checked(ask, fb ? GraphJson.FB_COMMENT : GraphJson.IG_COMMENT,
        fb ? "created_time,from,message,id" : "id,text,timestamp");
    boolean stream = fb && "stream".equals(ask.param("filter"));
    Predicate<Comment> which = parent != null ? c -> c.parent == parent
        : c -> c.post == post && (stream || c.parent == null);
    boolean newestFirst = "reverse_chronological".equals(ask.param("order"));
    List<Comment> all = state.comments(which, key(ask.param("after")), newestFirst);
    List<Comment> page = all.subList(0, Math.min(ask.limit(), all.size()));
    JsonArray data = new JsonArray();
    page.forEach(c -> data.add(GraphJson.comment(c, fields, fields.containsKey("replies") ? replies(c) : null)));
    return page.isEmpty() ? new JsonObject().put("data", data) : GraphJson.page(data, String.valueOf(page.get(0).seq),
        String.valueOf(page.get(page.size() - 1).seq), all.size() > page.size(), ask.selfUrl());
  }

  private List<Comment> replies(Comment c) {
    return state.comments(r -> r.parent == c, 0, false);
  }

  Comment existing(String id) {
    Comment c = state.comment(id);
    if (c == null) {
      throw GraphError.missing(id);
    }
    return c;
  }

  private static Map<String, String> checked(Ask ask, Set<String> known, String defaults) {
    Map<String, String> fields = GraphJson.fields(ask.param("fields"), defaults);
    String unknown = GraphJson.unknown(fields, known);
    if (unknown != null) {
      throw new GraphError(100, "(#100) Tried accessing nonexisting field (" + unknown + ")", null);
    }
    return fields;
  }

  private static long key(String cursor) {
    long key = GraphJson.cursorKey(cursor);
    if (key < 0) {
      throw new GraphError(100, "(#100) The after parameter is not a valid cursor", null);
    }
    return key;
  }

  private static long number(String id) {
    return Long.parseLong(id.substring(id.indexOf('_') + 1));
  }
}
