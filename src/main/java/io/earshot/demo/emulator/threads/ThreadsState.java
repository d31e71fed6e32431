package io.earshot.demo.emulator.threads;

import io.earshot.demo.emulator.SampleTexts;
import io.earshot.demo.emulator.SeededFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The emulated data of one Threads profile: its posts, the replies under them at any depth, posts
 * of other profiles that tag it, the reply containers the brand made and what it published. A
 * reply its author deleted stays as a tombstone, so it still takes its place in a page (pages come
 * back short, as Meta's do) but is never shown. Synchronized: tests seed it from their thread.
 */
final class ThreadsState implements SeededFeed {
  static final String USER_ID = "26582384051234567";
  static final String USERNAME = "acme.threads";
  /** A new brand post every this many seeded replies, so catch-up walks several conversations. */
  static final int REPLIES_PER_POST = 100;
  static final Set<String> PERMISSIONS = Set.of("threads_basic", "threads_read_replies", "threads_manage_replies",
      "threads_manage_insights", "threads_content_publish", "threads_manage_mentions");

  enum Kind { POST, REPLY, MENTION }

  /** One Threads media object; {@code seq} is its place in time, which paging cursors point at. */
  static final class Media {
    final String id;
    final long seq;
    final Kind kind;
    final String username;
    final String text;
    final Instant created;
    final Media root;
    final Media repliedTo;
    final boolean malformed;
    boolean hidden;
    boolean deleted;
    long views;
    long likes;
    long reposts;
    long quotes;

    Media(long seq, Kind kind, String username, String text, Instant created, Media root, Media repliedTo,
          boolean malformed) {
      this.id = String.valueOf(seq);
      this.seq = seq;
      this.kind = kind;
      this.username = username;
      this.text = text;
      this.created = created;
      this.root = root;
      this.repliedTo = repliedTo;
      this.malformed = malformed;
    }

    boolean byBrand() {
      return USERNAME.equals(username);
    }
  }

  /** A reply container: its text and target, and the media it became once published. */
  record Container(String id, String text, Media replyTo, String published) {
  }

  private final Map<String, Media> media = new LinkedHashMap<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final List<String> mentionIds = new ArrayList<>();
  private final List<Instant> publishedReplies = new ArrayList<>();
  private final List<String> moderations = new ArrayList<>();
  private final Set<String> granted = new HashSet<>(PERMISSIONS);
  // From the start-up time, so a restarted emulator never issues an id a stored cursor already passed.
  private long next = System.currentTimeMillis() * 1_000;
  private int customers;
  private int sinceNewPost = REPLIES_PER_POST;
  private Media current;
  private int replyQuota = 1_000;

  @Override
  public synchronized void seedMentions(int count, int threadEvery) {
    for (int i = 0; i < count; i++) {
      int n = customers++;
      boolean followUp = threadEvery > 0 && n % threadEvery == threadEvery - 1 && !mentionIds.isEmpty();
      Media parent = followUp ? media.get(mentionIds.get(mentionIds.size() - 1)) : null;
      String text = followUp ? SampleTexts.followUp(n) : SampleTexts.opening(n);
      Media root = parent == null ? postForSeeding() : parent.root;
      mentionIds.add(add(Kind.REPLY, "customer_" + n, text, root, parent == null ? root : parent, false).id);
    }
  }

  @Override
  public synchronized void seedMention(String text) {
    Media root = postForSeeding();
    mentionIds.add(add(Kind.REPLY, "customer_" + customers++, text, root, root, false).id);
  }

  /** A reply without a username and with an unreadable time: what the connector must skip. */
  @Override
  public synchronized void seedMalformed() {
    Media root = postForSeeding();
    add(Kind.REPLY, null, "", root, root, true);
  }

  /** A customer's own post that tags the brand ({@code @acme.threads}). */
  synchronized String seedTag(String text) {
    String body = text.contains("@" + USERNAME) ? text : text + " @" + USERNAME;
    Media m = add(Kind.MENTION, "customer_" + customers++, body, null, null, false);
    mentionIds.add(m.id);
    return m.id;
  }

  /** A post of the brand's own. */
  synchronized Media newPost(String text) {
    return add(Kind.POST, USERNAME, text, null, null, false);
  }

  private Media postForSeeding() {
    if (current == null || sinceNewPost >= REPLIES_PER_POST) {
      current = newPost("What should we ship next? (" + (posts().size() + 1) + ")");
      sinceNewPost = 0;
    }
    sinceNewPost++;
    return current;
  }

  private Media add(Kind kind, String username, String text, Media root, Media repliedTo, boolean malformed) {
    long seq = next++;
    Media m = new Media(seq, kind, username, text, Instant.now(), root, repliedTo, malformed);
    media.put(m.id, m);
    return m;
  }

  /** The media, or null when there is none (or its author deleted it). */
  synchronized Media get(String id) {
    Media m = media.get(id);
    return m == null || m.deleted ? null : m;
  }

  /** A customer deletes their reply: it leaves every listing, but keeps its place in pages. */
  synchronized boolean delete(String id) {
    Media m = get(id);
    if (m == null) {
      return false;
    }
    m.deleted = true;
    mentionIds.remove(id);
    return true;
  }

  /** The brand's posts, newest first. */
  synchronized List<Media> posts() {
    List<Media> out = new ArrayList<>(media.values().stream().filter(m -> m.kind == Kind.POST && !m.deleted).toList());
    java.util.Collections.reverse(out);
    return out;
  }

  /** Media matching {@code which}, tombstones included, oldest first or newest first. */
  synchronized List<Media> select(Predicate<Media> which, boolean newestFirst) {
    List<Media> out = new ArrayList<>(media.values().stream().filter(which).toList());
    if (newestFirst) {
      java.util.Collections.reverse(out);
    }
    return out;
  }

  synchronized Container container(String text, Media replyTo) {
    Container c = new Container(String.valueOf(next++), text, replyTo, null);
    containers.put(c.id(), c);
    return c;
  }

  synchronized Container container(String id) {
    return containers.get(id);
  }

  /** Publishes a container once; the brand's reply (or post) appears at once, as a text post does. */
  synchronized Media publish(Container c) {
    Media to = c.replyTo();
    Media m = to == null ? newPost(c.text())
        : add(Kind.REPLY, USERNAME, c.text(), to.root == null ? to : to.root, to, false);
    containers.put(c.id(), new Container(c.id(), c.text(), to, m.id));
    if (to != null) {
      publishedReplies.add(Instant.now());
    }
    return m;
  }

  /** Replies published through the API in the last 24 hours. */
  synchronized int repliesUsed() {
    Instant since = Instant.now().minus(Duration.ofHours(24));
    return (int) publishedReplies.stream().filter(at -> at.isAfter(since)).count();
  }

  synchronized int replyQuota() {
    return replyQuota;
  }

  synchronized void replyQuota(int quota) {
    replyQuota = quota;
  }

  synchronized List<Media> brandReplies() {
    return media.values().stream().filter(m -> m.kind == Kind.REPLY && m.byBrand()).toList();
  }

  synchronized List<String> mentionIds() {
    return List.copyOf(mentionIds);
  }

  synchronized void moderated(String call, String id) {
    moderations.add(call + " " + id);
  }

  synchronized List<String> moderations() {
    return List.copyOf(moderations);
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
}
