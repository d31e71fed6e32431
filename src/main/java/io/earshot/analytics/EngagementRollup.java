package io.earshot.analytics;

import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.RollupSources;
import io.earshot.store.RollupStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Engagement of brand replies into the rollups. Engagement updates are transient events (told to
 * whoever listens, never redelivered), so this listener is not durable: the counts are totals,
 * set rather than added, and the next measurement round sets them again after anything missed;
 * a rebuild reads them from the replies.
 */
public final class EngagementRollup implements EventListener {
  private final RollupStore rollups;
  private final RollupSources sources;

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
    List<ReplyFact> replies = events.stream().map(e -> EventFacts.reply(e.data().getJsonObject("reply")))
        .filter(r -> r.sentAt() != null).toList();
    Set<String> caseIds = replies.stream().map(ReplyFact::caseId).collect(Collectors.toSet());
    if (replies.isEmpty()) {
      return Future.succeededFuture();
    }
    return sources.cases(caseIds).compose(cases -> {
      RollupBatch batch = new RollupBatch();
      replies.stream().filter(r -> cases.containsKey(r.caseId()))
          .forEach(r -> batch.engagement(r, cases.get(r.caseId()).brand()));
      return rollups.apply(List.of(batch.deltas()));
    });
  }
}
