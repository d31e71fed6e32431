package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.SampleTexts;
import io.earshot.demo.emulator.SeededFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The emulated Graph data of one Facebook Page and its linked Instagram professional account:
 * posts (Page posts and IG media) and their comments, one level of replies, in the order they
 * were made. A deleted comment is gone from every listing and count, as on Meta. Seeded comments
 * go to the surface the emulator was built for. Synchronized: tests seed it from their thread.
 */
final class MetaState implements SeededFeed {
  static final String PAGE_ID = "104729384756201";
  static final String PAGE_NAME = "Acme Support";
  static final String IG_USER_ID = "17841405822304914";
  static final String IG_USERNAME = "acmesupport";
  /** A new post (or media) every this many seeded comments, so catch-up walks several posts. */
  static final int COMMENTS_PER_POST = 100;
  /** The permissions a Page token needs to hide or delete comments, on Facebook and on Instagram. */
  static final String PAGES_MANAGE_ENGAGEMENT = "pages_manage_engagement";
  static final String IG_MANAGE_COMMENTS = "instagram_manage_comments";

  /** Where a post lives: the Page's feed or the Instagram account's media. */
  enum Surface { FACEBOOK, INSTAGRAM }

  /** One post or media. {@code updated} moves with every comment (Page posts' {@code updated_time}). */
  static final class Post {
    final String id;
    final Surface surface;
    final Instant created;
    Instant updated;
    int comments;
    int likes;
    final String caption;
    /** Whose post: null for the brand's own, else the username of the Instagram user who posted it. */
    String owner;

    Post(String id, Surface surface, Instant created, String caption) {
      this.id = id;
      this.surface = surface;
      this.created = created;
      this.updated = created;
      this.caption = caption;
    }
  }

  /** One comment or reply; {@code seq} is its place in time, which paging cursors point at. */
  static final class Comment {
    final String id;
    final long seq;
    final Post post;
    final Comment parent;
    final String authorId;
    final String authorName;
    final String text;
    final Instant created;
    final boolean byBrand;
    final boolean malformed;
    int likes;
    int replies;
    boolean hidden;

    Comment(String id, long seq, Post post, Comment parent, String authorId, String authorName, String text,
            Instant created, boolean byBrand, boolean malformed) {
      this.id = id;
      this.seq = seq;
      this.post = post;
      this.parent = parent;
      this.authorId = authorId;
      this.authorName = authorName;
      this.text = text;
      this.created = created;
      this.byBrand = byBrand;
      this.malformed = malformed;
    }
  }

  private final Surface seedTo;
  private final Map<String, Post> posts = new LinkedHashMap<>();
  private final Map<String, Comment> comments = new LinkedHashMap<>();
  private final List<String> mentionIds = new ArrayList<>();
  private final List<Comment> brandReplies = new ArrayList<>();
  // From the start-up time, so a restarted emulator never issues an id a stored cursor already passed.
  private long next = System.currentTimeMillis() * 1_000;
  private int customers;
  private int sinceNewPost = COMMENTS_PER_POST;
  private Post current;
  private Consumer<Comment> onComment = c -> { };
  private final java.util.Set<String> granted = new java.util.HashSet<>(
      List.of(PAGES_MANAGE_ENGAGEMENT, IG_MANAGE_COMMENTS, "pages_read_engagement", "instagram_basic"));
  private final List<String> moderations = new ArrayList<>();
  private final java.util.Set<String> mentioned = new java.util.HashSet<>();

  MetaState(Surface seedTo) {
    this.seedTo = seedTo;
  }

  Surface seedsTo() {
    return seedTo;
  }

  synchronized void onComment(Consumer<Comment> listener) {
    onComment = listener;
  }

  @Override
  public synchronized void seedMentions(int count, int threadEvery) {
    for (int i = 0; i < count; i++) {
      int n = customers++;
      boolean followUp = threadEvery > 0 && n % threadEvery == threadEvery - 1 && !mentionIds.isEmpty();
      Comment parent = followUp ? comments.get(mentionIds.get(mentionIds.size() - 1)) : null;
      String text = followUp ? SampleTexts.followUp(n) : SampleTexts.opening(n);
      mentionIds.add(customerComment(parent == null ? postForSeeding() : parent.post, parent, n, text, false).id);
    }
  }

  @Override
  public synchronized void seedMention(String text) {
    mentionIds.add(customerComment(postForSeeding(), null, customers++, text, false).id);
  }

  /** A comment without author and with an unreadable time: what the connector must skip. */
  @Override
  public synchronized void seedMalformed() {
    customerComment(postForSeeding(), null, customers++, "", true);
  }

  private Post postForSeeding() {
    if (current == null || sinceNewPost >= COMMENTS_PER_POST) {
      current = newPost(seedTo, "Our autumn collection is here (" + (posts.size() + 1) + ")");
      sinceNewPost = 0;
    }
    sinceNewPost++;
    return current;
  }

  synchronized Post newPost(Surface surface, String caption) {
    String id = surface == Surface.FACEBOOK ? PAGE_ID + "_" + (next++) : String.valueOf(next++);
    Post post = new Post(id, surface, Instant.now(), caption);
    posts.put(id, post);
    return post;
  }

  private Comment customerComment(Post post, Comment parent, int n, String text, boolean malformed) {
    String authorId = String.valueOf(5_100_000_000_000L + n);
    String name = post.surface == Surface.FACEBOOK ? "Customer " + n : "customer_" + n;
    return add(post, parent, authorId, name, text, false, malformed);
  }

  /** Instagram nests one level: a reply to a reply joins its top-level comment. */
  private Comment add(Post post, Comment parent, String authorId, String name, String text, boolean brand,
                      boolean malformed) {
    Comment top = parent == null || parent.parent == null ? parent : parent.parent;
    Comment under = post.surface == Surface.INSTAGRAM ? top : parent;
    long seq = next++;
    String id = post.surface == Surface.FACEBOOK ? post.id.substring(post.id.indexOf('_') + 1) + "_" + seq
        : String.valueOf(seq);
    Comment c = new Comment(id, seq, post, under, authorId, name, text, Instant.now(), brand, malformed);
    comments.put(id, c);
    post.comments++;
    post.updated = c.created;
    if (under != null) {
      under.replies++;
    }
    if (!brand) {
      onComment.accept(c);
    }
    return c;
  }

  /** The brand answers a comment; a second level under Facebook's replies is not possible. */
  synchronized Comment reply(Comment to, String text) {
    String authorId = to.post.surface == Surface.FACEBOOK ? PAGE_ID : IG_USER_ID;
    String name = to.post.surface == Surface.FACEBOOK ? PAGE_NAME : IG_USERNAME;
    Comment parent = to.parent == null ? to : to.parent;
    Comment c = add(to.post, parent, authorId, name, text, true, false);
    brandReplies.add(c);
    return c;
  }

  synchronized Comment comment(String id) {
    return comments.get(id);
  }

  synchronized Post post(String id) {
    return posts.get(id);
  }

  synchronized boolean delete(String id) {
    Comment c = comments.remove(id);
    if (c == null) {
      return false;
    }
    c.post.comments--;
    if (c.parent != null) {
      c.parent.replies--;
    }
    mentionIds.remove(id);
    brandReplies.remove(c);
    return true;
  }

  /** Posts of one surface, newest first, as the feed and media edges list them. */
  synchronized List<Post> posts(Surface surface) {
    List<Post> out = new ArrayList<>(posts.values().stream().filter(p -> p.surface == surface && p.owner == null)
        .toList());
    java.util.Collections.reverse(out);
    return out;
  }

  /** Comments matching {@code which}, oldest first (or newest first), after the comment at {@code afterSeq}. */
  synchronized List<Comment> comments(Predicate<Comment> which, long afterSeq, boolean newestFirst) {
    List<Comment> out = new ArrayList<>(comments.values().stream().filter(which).toList());
    if (newestFirst) {
      java.util.Collections.reverse(out);
      return out.stream().filter(c -> afterSeq == 0 || c.seq < afterSeq).toList();
    }
    return out.stream().filter(c -> c.seq > afterSeq).toList();
  }

  synchronized List<String> mentionIds() {
    return List.copyOf(mentionIds);
  }

  synchronized List<Comment> brandReplies() {
    return List.copyOf(brandReplies);
  }

  synchronized boolean granted(String permission) {
    return granted.contains(permission);
  }

  synchronized void revoke(String permission) {
    granted.remove(permission);
  }

  synchronized void grant(String permission) {
    granted.add(permission);
  }

  /** A hide, unhide or delete the platform carried out, as {@code "<call> <comment id>"}. */
  synchronized void moderated(String call, String commentId) {
    moderations.add(call + " " + commentId);
  }

  synchronized List<String> moderations() {
    return List.copyOf(moderations);
  }

  /**
   * A customer's Instagram post that @mentions the brand in its caption ({@code inComment} false),
   * or another account's post under which a customer's comment @mentions it: neither is on the
   * brand's media, so only Meta's {@code mentions} webhook tells of it. Answers {media, comment?}.
   */
  synchronized List<String> mentionElsewhere(String text, boolean inComment) {
    int n = customers++;
    Post media = new Post(String.valueOf(next++), Surface.INSTAGRAM, Instant.now(), inComment
        ? "A day at the beach" : text);
    media.owner = inComment ? "someone_else_" + n : "customer_" + n;
    posts.put(media.id, media);
    if (!inComment) {
      mentioned.add(media.id);
      return List.of(media.id);
    }
    long seq = next++;
    Comment c = new Comment(String.valueOf(seq), seq, media, null, String.valueOf(5_100_000_000_000L + n),
        "customer_" + n, text, Instant.now(), false, false);
    comments.put(c.id, c);
    media.comments++;
    mentioned.add(c.id);
    return List.of(media.id, c.id);
  }

  /** True when this media or comment @mentions the brand (Graph answers it through mentioned_*). */
  synchronized boolean mentionsBrand(String id) {
    return mentioned.contains(id);
  }
}
