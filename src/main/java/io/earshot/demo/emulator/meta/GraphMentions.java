package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.meta.MetaState.Comment;
import io.earshot.demo.emulator.meta.MetaState.Post;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The brand's Instagram node asked for an @mention elsewhere, as Meta answers it:
 * {@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(<id>){id,text,timestamp,like_count,media{…}}}
 * or {@code mentioned_media.media_id(<id>){caption,username,…}}. A mentioned comment has no
 * author field ({@code from}, {@code username} are refused, code 100); the id must be one that
 * @mentions the brand, and the token needs {@code instagram_manage_comments}.
 */
final class GraphMentions {
  private static final Pattern ASK = Pattern.compile("^mentioned_(comment|media)\\.(comment_id|media_id)\\((\\d+)\\)"
      + "(?:\\{(.*)\\})?$");
  private static final Set<String> COMMENT = Set.of("id", "text", "timestamp", "like_count", "media");
  private static final Set<String> MEDIA = Set.of("id", "caption", "timestamp", "username", "permalink", "like_count",
      "comments_count", "media_type");
  private final MetaState state;

  GraphMentions(MetaState state) {
    this.state = state;
  }

  /** True when the request's fields ask for a mention (then {@link #answer} answers it). */
  static boolean asks(String fields) {
    return fields != null && fields.startsWith("mentioned_");
  }

  JsonObject answer(String fields) {
    Matcher m = ASK.matcher(fields.trim());
    if (!m.matches() || !(m.group(1).equals("comment") == m.group(2).equals("comment_id"))) {
      throw new GraphError(100, "(#100) Syntax error: expected mentioned_comment.comment_id(<id>){…} or"
          + " mentioned_media.media_id(<id>){…}", null);
    }
    if (!state.granted(MetaState.IG_MANAGE_COMMENTS)) {
      throw new GraphError(10, "(#10) Application does not have permission for this action", null);
    }
    String id = m.group(3);
    if (!state.mentionsBrand(id)) {
      throw new GraphError(100, "(#100) Invalid parameter: no @mention of " + MetaState.IG_USERNAME + " with id " + id, 33);
    }
    boolean comment = m.group(1).equals("comment");
    Map<String, String> asked = GraphJson.fields(m.group(4), "id");
    String unknown = GraphJson.unknown(asked, comment ? COMMENT : MEDIA);
    if (unknown != null) {
      throw new GraphError(100, "(#100) Tried accessing nonexisting field (" + unknown + ") on node type ("
          + (comment ? "IGMentionedComment" : "IGMedia") + ")", null);
    }
    JsonObject node = comment ? comment(state.comment(id), asked) : media(state.post(id), asked);
    return new JsonObject().put(comment ? "mentioned_comment" : "mentioned_media", node).put("id", MetaState.IG_USER_ID);
  }

  private static JsonObject comment(Comment c, Map<String, String> asked) {
    JsonObject o = new JsonObject();
    asked.forEach((f, inner) -> {
      switch (f) {
        case "id" -> o.put("id", c.id);
        case "text" -> o.put("text", c.text);
        case "timestamp" -> o.put("timestamp", GraphJson.time(c.created));
        case "like_count" -> o.put("like_count", c.likes);
        case "media" -> o.put("media", media(c.post, GraphJson.fields(inner, "id")));
        default -> { }
      }
    });
    return o;
  }

  private static JsonObject media(Post p, Map<String, String> asked) {
    JsonObject o = new JsonObject();
    asked.keySet().forEach(f -> {
      switch (f) {
        case "id" -> o.put("id", p.id);
        case "caption" -> o.put("caption", p.caption);
        case "timestamp" -> o.put("timestamp", GraphJson.time(p.created));
        case "username" -> o.put("username", p.owner);
        case "permalink" -> o.put("permalink", "https://www.instagram.com/p/" + p.id);
        case "like_count" -> o.put("like_count", p.likes);
        case "comments_count" -> o.put("comments_count", p.comments);
        case "media_type" -> o.put("media_type", "IMAGE");
        default -> { }
      }
    });
    return o;
  }
}
