package io.earshot.demo.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's in-memory social network: users, posts, the mentions feed and engagement
 * counters. Every method is synchronized because the HTTP server and the generator's timers may
 * run on different event loops; the work under the lock is tiny and never does I/O.
 * <p>
 * The feed is keyed by ascending numeric ids. Ids start at the clock's epoch milliseconds × 1000
 * so that a restarted sandbox hands out ids above any cursor a hub stored before the restart.
 */
public final class SandboxNetwork {
  private static final Pattern HANDLE = Pattern.compile("@([A-Za-z0-9_]{2,30})");
  // A sandbox left running for days would otherwise grow without bound (one post every ~2 s).
  static final int DEFAULT_RETAINED_MENTIONS = 50_000;

  private final Clock clock;
  private final Map<String, SandboxUser> brandsByHandle = new LinkedHashMap<>();
  private final Map<String, SandboxUser> customersByHandle = new HashMap<>();
  private final Map<String, SandboxPost> posts = new HashMap<>();
  private final NavigableMap<Long, Object> feed = new TreeMap<>();
  private final Map<String, long[]> reactions = new HashMap<>();
  private final Map<String, List<String>> replies = new HashMap<>();
  private final Map<String, SandboxPost> byIdempotencyKey = new HashMap<>();
  private final List<SandboxPost> brandPosts = new ArrayList<>();
  private final int retainedMentions;
  private long lastId;

  /** A raw JSON value injected verbatim into the feed, to exercise connectors on bad input. */
  public record RawItem(Object json) {
  }

  /** A page of the mentions feed: posts or raw items, the highest id served, more waiting. */
  public record Page(List<Object> items, long newestId, boolean more) {
  }

  /** Public reactions to one post. */
  public record Counts(long likes, long reposts, long replies) {
  }

  /** A publish outcome: the post, and whether it already existed under the same key. */
  public record Published(SandboxPost post, boolean replay) {
  }

  public SandboxNetwork(Clock clock, List<SandboxUser> brands) {
    this(clock, brands, DEFAULT_RETAINED_MENTIONS);
  }

  /** {@code retainedMentions}: feed items kept; older customer posts are forgotten. */
  public SandboxNetwork(Clock clock, List<SandboxUser> brands, int retainedMentions) {
    this.clock = clock;
    this.retainedMentions = retainedMentions;
    this.lastId = clock.millis() * 1000;
    brands.forEach(b -> brandsByHandle.put(b.handle().toLowerCase(Locale.ROOT), b));
  }

  public synchronized List<SandboxUser> brands() {
    return List.copyOf(brandsByHandle.values());
  }

  /**
   * The customer with this handle, registered on first use (scripted tests name their authors).
   * Brand handles are refused so a test cannot impersonate a brand by accident.
   */
  public synchronized SandboxUser customer(String handle, String name, long followers,
                                           boolean verified) {
    if (brandsByHandle.containsKey(handle.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("author.handle " + handle + " is a brand account");
    }
    return customersByHandle.computeIfAbsent(handle.toLowerCase(Locale.ROOT), k ->
        new SandboxUser("c" + (customersByHandle.size() + 1), handle, name, followers, verified,
            false));
  }

  public Instant now() {
    return clock.instant();
  }

  /** A customer posts; it enters the mentions feed when it concerns a managed brand. */
  public synchronized SandboxPost post(SandboxUser author, String text, String inReplyToId,
                                       String lang, Instant createdAt) {
    SandboxPost parent = inReplyToId == null ? null : posts.get(inReplyToId);
    if (inReplyToId != null && parent == null) {
      throw new IllegalArgumentException("in_reply_to_id " + inReplyToId + " does not exist");
    }
    String brand = addressedBrand(text, parent);
    SandboxPost post = store(author, text, parent, lang, createdAt, brand, null);
    if (post.isMention()) {
      feed.put(Long.parseLong(post.id()), post);
      evictOldest();
    }
    return post;
  }

  /**
   * A brand publishes. The same idempotency key returns the first post (a replay) instead of
   * posting again; reusing a key for a different text is refused, as payment APIs do.
   */
  public synchronized Published publish(String idempotencyKey, String text, String inReplyToId) {
    SandboxPost earlier = byIdempotencyKey.get(idempotencyKey);
    if (earlier != null) {
      if (!earlier.text().equals(text) || !sameParent(earlier, inReplyToId)) {
        throw new IllegalStateException("Idempotency-Key was already used for a different post");
      }
      return new Published(earlier, true);
    }
    SandboxPost parent = inReplyToId == null ? null : posts.get(inReplyToId);
    if (inReplyToId != null && parent == null) {
      throw new IllegalArgumentException("in_reply_to_id " + inReplyToId + " does not exist");
    }
    SandboxUser author = brandAnswering(parent);
    SandboxPost post = store(author, text, parent, "en", clock.instant(), author.handle(),
        idempotencyKey);
    byIdempotencyKey.put(idempotencyKey, post);
    brandPosts.add(post);
    return new Published(post, false);
  }

  /** Puts any JSON value into the feed as if the platform had served it; returns its position. */
  public synchronized long injectRaw(Object json) {
    long id = nextId();
    feed.put(id, new RawItem(json));
    evictOldest();
    return id;
  }

  public synchronized Page mentionsAfter(long sinceId, int limit) {
    NavigableMap<Long, Object> tail = feed.tailMap(sinceId, false);
    List<Object> items = new ArrayList<>(Math.min(limit, tail.size()));
    long newest = sinceId;
    for (Map.Entry<Long, Object> entry : tail.entrySet()) {
      if (items.size() == limit) {
        break;
      }
      items.add(entry.getValue());
      newest = entry.getKey();
    }
    return new Page(items, newest, tail.size() > items.size());
  }

  public synchronized Optional<SandboxPost> find(String id) {
    return Optional.ofNullable(posts.get(id));
  }

  public synchronized List<SandboxPost> brandPosts() {
    return List.copyOf(brandPosts);
  }

  /** The newest customer mentions first, for the generator's follow-ups. */
  public synchronized List<SandboxPost> recentMentions(int max) {
    List<SandboxPost> recent = new ArrayList<>(max);
    for (Object item : feed.descendingMap().values()) {
      if (recent.size() == max) {
        break;
      }
      if (item instanceof SandboxPost post) {
        recent.add(post);
      }
    }
    return recent;
  }

  /** Replies still retained; a brand post outlives the customer answers evicted under it. */
  public synchronized List<SandboxPost> repliesTo(String id) {
    return replies.getOrDefault(id, List.of()).stream().map(posts::get)
        .filter(java.util.Objects::nonNull).toList();
  }

  /** Likes, reposts and replies of a post, empty for an unknown id. */
  public synchronized Optional<Counts> counts(String id) {
    long[] r = reactions.get(id);
    return r == null ? Optional.empty()
        : Optional.of(new Counts(r[0], r[1], replies.getOrDefault(id, List.of()).size()));
  }

  /** Adds reactions to a post; the generator calls this so brand replies earn engagement. */
  public synchronized void react(String id, int likes, int reposts) {
    long[] r = reactions.get(id);
    if (r != null) {
      r[0] += likes;
      r[1] += reposts;
    }
  }

  private SandboxPost store(SandboxUser author, String text, SandboxPost parent, String lang,
                            Instant createdAt, String brand, String key) {
    String id = Long.toString(nextId());
    String conversation = parent == null ? id : parent.conversationId();
    SandboxPost post = new SandboxPost(id, author, text, createdAt,
        parent == null ? null : parent.id(), conversation, lang, brand, key);
    posts.put(id, post);
    reactions.put(id, new long[2]);
    if (parent != null) {
      replies.computeIfAbsent(parent.id(), k -> new ArrayList<>()).add(id);
    }
    return post;
  }

  /** Drops the oldest feed items past the cap; brand posts stay so engagement keeps working. */
  private void evictOldest() {
    while (feed.size() > retainedMentions) {
      Object oldest = feed.pollFirstEntry().getValue();
      if (oldest instanceof SandboxPost post) {
        posts.remove(post.id());
        reactions.remove(post.id());
        replies.remove(post.id());
      }
    }
  }

  private String addressedBrand(String text, SandboxPost parent) {
    Matcher m = HANDLE.matcher(text);
    while (m.find()) {
      SandboxUser brand = brandsByHandle.get(m.group(1).toLowerCase(Locale.ROOT));
      if (brand != null) {
        return brand.handle();
      }
    }
    // A reply in a brand's thread concerns that brand even when the customer drops the @handle.
    return parent == null ? null : parent.addressedBrand();
  }

  /** The token manages every demo brand; a reply is posted as the brand the thread concerns. */
  private SandboxUser brandAnswering(SandboxPost parent) {
    String handle = parent == null ? null : parent.addressedBrand();
    SandboxUser brand = handle == null ? null : brandsByHandle.get(handle.toLowerCase(Locale.ROOT));
    return brand != null ? brand : brandsByHandle.values().iterator().next();
  }

  private static boolean sameParent(SandboxPost post, String inReplyToId) {
    return inReplyToId == null ? post.inReplyToId() == null : inReplyToId.equals(post.inReplyToId());
  }

  private long nextId() {
    lastId = Math.max(lastId + 1, clock.millis() * 1000);
    return lastId;
  }
}
