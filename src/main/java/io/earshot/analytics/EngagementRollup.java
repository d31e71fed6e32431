package io.earshot.analytics;

import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.RollupSources;
import io.earshot.store.RollupStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Engagement of what the brand posted into the rollups: replies and notices (for their case's
 * brand) and broadcasts' public posts (for their broadcast's, {@link RollupBatch#broadcastEngagement}).
 * Engagement updates are transient events (told to whoever listens, never redelivered), so this
 * listener is not durable: the counts are totals, set rather than added, and the next
 * measurement round sets them again after anything missed; a rebuild reads them from the replies.
 */
public final class EngagementRollup implements EventListener {
  private final RollupStore rollups;
  private final RollupSources sources;
  /**
   * Post id → brand, as read from the broadcasts. A broadcast's brand and accounts are fixed when
   * it is submitted, so an entry never goes stale; the broadcasts are read again only for a post
   * not seen yet, not on every measurement round.
   */
  private final Map<String, String> postBrands = new ConcurrentHashMap<>();

  public EngagementRollup(RollupStore rollups, RollupSources sources) {
    this.rollups = rollups;
    this.sources = sources;
  }

  @Override
  public String name() {
    return "analytics-engagement";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return event.type().equals(EventType.REPLY_ENGAGEMENT_UPDATED.code());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    List<ReplyFact> sent = events.stream().map(e -> EventFacts.reply(e.data().getJsonObject("reply")))
        .filter(r -> r.sentAt() != null).toList();
    // A broadcast's public post is the one outbox row without a case.
    List<ReplyFact> replies = sent.stream().filter(r -> r.caseId() != null).toList();
    List<ReplyFact> posts = sent.stream().filter(r -> r.caseId() == null).toList();
    if (sent.isEmpty()) {
      return Future.succeededFuture();
    }
    RollupBatch batch = new RollupBatch();
    return countReplies(batch, replies).compose(v -> countPosts(batch, posts))
        .compose(v -> batch.isEmpty() ? Future.succeededFuture() : rollups.apply(List.of(batch.deltas())));
  }

  /** Replies in cases (notices too) count for their case's brand; one whose case is gone is left out. */
  private Future<Void> countReplies(RollupBatch batch, List<ReplyFact> replies) {
    if (replies.isEmpty()) {
      return Future.succeededFuture();
    }
    Set<String> caseIds = replies.stream().map(ReplyFact::caseId).collect(Collectors.toSet());
    return sources.cases(caseIds).map(cases -> {
      replies.stream().filter(r -> cases.containsKey(r.caseId()))
          .forEach(r -> batch.engagement(r, cases.get(r.caseId()).brand()));
      return null;
    });
  }

  /** Broadcast posts count for their broadcast's brand; a row no broadcast names is left out. */
  private Future<Void> countPosts(RollupBatch batch, List<ReplyFact> posts) {
    if (posts.isEmpty()) {
      return Future.succeededFuture();
    }
    return postBrands(posts).map(brands -> {
      posts.stream().filter(p -> brands.containsKey(p.id()))
          .forEach(p -> batch.broadcastEngagement(p, brands.get(p.id())));
      return null;
    });
  }

  private Future<Map<String, String>> postBrands(List<ReplyFact> posts) {
    if (posts.stream().allMatch(p -> postBrands.containsKey(p.id()))) {
      return Future.succeededFuture(postBrands);
    }
    return sources.brandsOfPosts().map(read -> {
      postBrands.putAll(read);
      return postBrands;
    });
  }
}
