package io.earshot.demo.emulator.threads;

import io.earshot.demo.emulator.threads.ThreadsState.Container;
import io.earshot.demo.emulator.threads.ThreadsState.Kind;
import io.earshot.demo.emulator.threads.ThreadsState.Media;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write side of the emulated Threads API: a text container ({@code POST /{user}/threads}, with
 * {@code reply_to_id} for a reply), publishing it once ({@code POST /{user}/threads_publish}),
 * within the profile's 1,000 API-published replies a day, and hiding or showing a top-level reply
 * under the brand's post ({@code POST /{reply}/manage_reply}). Limits as Meta states them: 500
 * characters with an emoji counted as its UTF-8 bytes, at most 5 distinct links.
 */
final class ThreadsWrites {
  static final int LIMIT = 500;
  private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://[^\\s]+|\\bwww\\.[^\\s]+");
  private final ThreadsState state;
  private final ThreadsReads reads;

  ThreadsWrites(ThreadsState state, ThreadsReads reads) {
    this.state = state;
    this.reads = reads;
  }

  JsonObject container(ThreadsReads.Ask ask) {
    profile(ask);
    reads.permitted("threads_content_publish");
    String type = ask.param("media_type");
    if (!"TEXT".equals(type)) {
      throw new ThreadsError(100, type == null ? "(#100) The parameter media_type is required"
          : "(#100) The emulator makes TEXT containers only, not " + type);
    }
    String text = ask.param("text");
    if (text == null) {
      throw new ThreadsError(100, "(#100) The parameter text is required for media_type TEXT");
    }
    if (length(text) > LIMIT) {
      throw new ThreadsError(100, "(#100) The text is " + length(text) + " characters; the limit is " + LIMIT,
          2207003, "THDApiException");
    }
    if (links(text) > 5) {
      throw new ThreadsError(100, "THREADS_API__LINK_LIMIT_EXCEEDED: a post may have at most 5 links", null,
          "THDApiException");
    }
    Media to = null;
    if (ask.param("reply_to_id") != null) {
      reads.permitted("threads_manage_replies");
      to = reads.existing(ask.param("reply_to_id"));
    }
    return new JsonObject().put("id", state.container(text, to).id());
  }

  JsonObject publish(ThreadsReads.Ask ask) {
    profile(ask);
    reads.permitted("threads_content_publish");
    String creation = ask.param("creation_id");
    Container c = creation == null ? null : state.container(creation);
    if (c == null) {
      throw new ThreadsError(24, "(#24) The requested resource does not exist: no media container " + creation,
          4279009, "OAuthException");
    }
    if (c.published() != null) {
      throw new ThreadsError(100, "(#100) The media container " + c.id() + " has already been published", 2207006,
          "THDApiException");
    }
    if (c.replyTo() != null && state.repliesUsed() >= state.replyQuota()) {
      throw new ThreadsError(4, "(#4) Application request limit reached: the profile published "
          + state.replyQuota() + " replies in the last 24 hours", 2207051, "OAuthException");
    }
    return new JsonObject().put("id", state.publish(c).id);
  }

  /** Only a top-level reply under the brand's own post; nested replies follow theirs. */
  JsonObject manageReply(ThreadsReads.Ask ask) {
    reads.permitted("threads_manage_replies");
    Media m = reads.existing(ask.id());
    String hide = ask.param("hide");
    if (hide == null || !(hide.equals("true") || hide.equals("false"))) {
      throw new ThreadsError(100, "(#100) Param hide must be a boolean");
    }
    if (m.kind != Kind.REPLY || m.root == null || !m.root.byBrand() || m.root.kind != Kind.POST) {
      throw new ThreadsError(100, "(#100) Only replies to the profile's own posts can be hidden");
    }
    if (m.repliedTo != m.root) {
      throw new ThreadsError(100, "(#100) Replies nested deeper than the top-level reply cannot be hidden on their own");
    }
    if (m.byBrand()) {
      throw new ThreadsError(100, "(#100) The profile cannot hide its own replies");
    }
    boolean hidden = Boolean.parseBoolean(hide);
    state.moderated(hidden ? "hide" : "unhide", m.id);
    synchronized (state) {
      m.hidden = hidden;
    }
    return new JsonObject().put("success", true);
  }

  private static void profile(ThreadsReads.Ask ask) {
    if (!ask.isUser()) {
      throw new ThreadsError(100, "(#100) Unsupported post request: media containers belong to a Threads user");
    }
  }

  static int length(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean emoji = cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F);
      n += emoji ? new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length : 1;
      i += Character.charCount(cp);
    }
    return n;
  }

  private static int links(String text) {
    Set<String> distinct = new HashSet<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      distinct.add(m.group().toLowerCase(Locale.ROOT));
    }
    return distinct.size();
  }
}
