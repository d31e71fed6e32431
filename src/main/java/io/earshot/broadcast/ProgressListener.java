package io.earshot.broadcast;

import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastState;
import io.earshot.domain.broadcast.Notice;
import io.earshot.domain.event.BroadcastEvents.BroadcastProgress;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.BroadcastStore;
import io.earshot.store.NoticeStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@code broadcast.progress} (posts and notices per account) when one of a broadcast's
 * outbox rows is written, sent or failed, so the broadcast page moves live. Best effort and
 * cheap: a reply is looked up by key in the notices, a post among the broadcasts still sending;
 * while one count for a broadcast is being read, further changes fold into one more read.
 */
final class ProgressListener implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressListener.class);
  private static final Set<String> TYPES = Set.of("reply.submitted", "reply.sent", "reply.failed");
  private final NoticeStore notices;
  private final BroadcastStore broadcasts;
  private final ProgressReads progress;
  private final Clock clock;
  private EventDispatcher events;
  private final Set<String> reading = ConcurrentHashMap.newKeySet();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();

  ProgressListener(NoticeStore notices, BroadcastStore broadcasts, ProgressReads progress, Clock clock) {
    this.notices = notices;
    this.broadcasts = broadcasts;
    this.progress = progress;
    this.clock = clock;
  }

  void tellThrough(EventDispatcher dispatcher) {
    this.events = dispatcher;
  }

  @Override
  public String name() {
    return "broadcast-progress";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return TYPES.contains(event.type()) || event.type().startsWith("broadcast.") && !event.type().equals("broadcast.progress");
  }

  /** Never holds the writer up: the counting runs after the writer's answer. */
  @Override
  public Future<Void> handle(List<EventEnvelope> batch) {
    for (EventEnvelope e : batch) {
      JsonObject reply = e.data().getJsonObject("reply");
      if (reply != null) {
        broadcastOf(reply).onSuccess(this::recount);
      } else if (e.data().getJsonObject("broadcast") != null) {
        recount(e.data().getJsonObject("broadcast").getString("id"));
      }
    }
    return Future.succeededFuture();
  }

  private Future<String> broadcastOf(JsonObject reply) {
    String id = reply.getString("id");
    if (reply.getString("caseId") != null) {
      return notices.byReply(id).map(n -> n == null ? null : n.broadcastId());
    }
    return broadcasts.inStates(List.of(BroadcastState.SENDING)).map(active -> active.stream()
        .filter(b -> b.accounts().stream().anyMatch(a -> Notice.postIdOf(b.id(), a).equals(id)))
        .map(Broadcast::id).findFirst().orElse(null));
  }

  private void recount(String broadcastId) {
    if (broadcastId == null || events == null) {
      return;
    }
    if (!reading.add(broadcastId)) {
      dirty.add(broadcastId);
      return;
    }
    broadcasts.get(broadcastId).compose(b -> b == null ? Future.succeededFuture() : progress.view(b)
            .compose(v -> events.tell(List.of(new BroadcastProgress(b, v.noticesByAccount(), v.postStates(),
                clock.instant())))))
        .onFailure(e -> LOG.debug("broadcast={} progress not told: {}", broadcastId, e.toString()))
        .onComplete(done -> {
          reading.remove(broadcastId);
          if (dirty.remove(broadcastId)) {
            recount(broadcastId);
          }
        });
  }
}
