package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.meta.MetaState.Comment;
import io.earshot.demo.emulator.meta.MetaState.Post;
import io.earshot.demo.emulator.meta.MetaState.Surface;
import io.vertx.core.json.JsonObject;

/**
 * The write side of the emulated Graph API: a reply under a comment (Facebook
 * {@code POST /{comment-id}/comments}, Instagram {@code POST /{comment-id}/replies}), a Page post,
 * hiding ({@code is_hidden} on Facebook, {@code hide} on Instagram) and deleting. Limits as Meta
 * states them: 8,000 characters for a Facebook comment, 2,200 for an Instagram one.
 */
final class GraphWrites {
  static final int FACEBOOK_LIMIT = 8_000;
  static final int INSTAGRAM_LIMIT = 2_200;
  private final MetaState state;
  private final GraphReads reads;

  GraphWrites(MetaState state, GraphReads reads) {
    this.state = state;
    this.reads = reads;
  }

  JsonObject reply(GraphReads.Ask ask, boolean repliesEdge) {
    if (MetaState.PAGE_ID.equals(ask.id()) || "me".equals(ask.id())) {
      throw new GraphError(100, "(#100) Unsupported post request to the comments edge of a Page", null);
    }
    Post post = state.post(ask.id());
    if (post != null) {
      throw new GraphError(100, "(#100) The emulator answers comments, it does not comment on posts", null);
    }
    Comment to = reads.existing(ask.id());
    boolean ig = to.post.surface == Surface.INSTAGRAM;
    if (ig != repliesEdge) {
      throw new GraphError(100, ig ? "(#100) Instagram replies go to /{ig-comment-id}/replies"
          : "(#100) Tried accessing nonexisting field (replies) on node type (Comment)", null);
    }
    String message = ask.param("message");
    if (message == null) {
      throw new GraphError(100, "(#100) Missing message or attachment", null);
    }
    int limit = ig ? INSTAGRAM_LIMIT : FACEBOOK_LIMIT;
    if (message.codePointCount(0, message.length()) > limit) {
      throw new GraphError(100, "(#100) The comment is longer than " + limit + " characters", null);
    }
    return new JsonObject().put("id", state.reply(to, message).id);
  }

  /**
   * Hiding is the one update the emulator knows; Instagram calls the parameter {@code hide}. As on
   * Meta, the token needs {@code pages_manage_engagement} (Facebook) or
   * {@code instagram_manage_comments} (Instagram), and the brand cannot hide its own comments.
   */
  JsonObject update(GraphReads.Ask ask) {
    Comment c = reads.existing(ask.id());
    boolean ig = c.post.surface == Surface.INSTAGRAM;
    String value = ask.param(ig ? "hide" : "is_hidden");
    if (value == null || !(value.equals("true") || value.equals("false"))) {
      throw new GraphError(100, "(#100) Param " + (ig ? "hide" : "is_hidden") + " must be a boolean", null);
    }
    permitted(c);
    if (c.byBrand) {
      throw new GraphError(100, "(#100) " + (ig ? "An Instagram account" : "A Page") + " cannot hide its own comments",
          null);
    }
    boolean hidden = Boolean.parseBoolean(value);
    state.moderated(hidden ? "hide" : "unhide", c.id);
    synchronized (state) {
      c.hidden = hidden;
    }
    return new JsonObject().put("success", true);
  }

  /** Deleting a comment (a post is not the emulator's to delete); the same permissions as hiding. */
  JsonObject delete(GraphReads.Ask ask) {
    if (state.post(ask.id()) != null) {
      throw new GraphError(100, "(#100) The emulator deletes comments, not posts", null);
    }
    Comment c = reads.existing(ask.id());
    permitted(c);
    state.moderated("delete", c.id);
    state.delete(c.id);
    return new JsonObject().put("success", true);
  }

  private void permitted(Comment c) {
    String needed = c.post.surface == Surface.INSTAGRAM ? MetaState.IG_MANAGE_COMMENTS : MetaState.PAGES_MANAGE_ENGAGEMENT;
    if (!state.granted(needed)) {
      throw new GraphError(200, "(#200) Requires " + needed + " permission to manage the object", null);
    }
  }
}
