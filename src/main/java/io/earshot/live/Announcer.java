package io.earshot.live;

import io.earshot.connector.ConnectorStatus;
import io.earshot.domain.CareCase;
import io.earshot.domain.Mention;
import io.earshot.domain.Reply;
import io.earshot.events.Events;
import io.earshot.web.ApiJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns domain changes into live events on the {@link LiveBus}. Announcing is best effort: a
 * dashboard that misses an event re-reads the list when it reconnects, and the data itself is
 * already durable in MongoDB, so a failed publish is logged, never propagated.
 */
public final class Announcer {
  private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);
  private final LiveBus bus;

  public Announcer(LiveBus bus) {
    this.bus = bus;
  }

  /** One ingest batch: its new mentions and the cases they created or changed. */
  public Future<Void> batch(List<Mention> mentions, List<CareCase> cases, List<String> createdCaseIds) {
    List<JsonObject> events = new ArrayList<>(mentions.size() + cases.size());
    for (CareCase c : cases) {
      String type = createdCaseIds.contains(c.id()) ? Events.CASE_CREATED : Events.CASE_UPDATED;
      events.add(LiveBus.event(type, ApiJson.careCase(c)));
    }
    mentions.forEach(m -> events.add(LiveBus.event(Events.MENTION_CREATED, ApiJson.mention(m))));
    return send(events);
  }

  public Future<Void> caseUpdated(CareCase c) {
    return send(List.of(LiveBus.event(Events.CASE_UPDATED, ApiJson.careCase(c))));
  }

  public Future<Void> reply(Reply reply, boolean created) {
    String type = created ? Events.REPLY_CREATED : Events.REPLY_UPDATED;
    return send(List.of(LiveBus.event(type, ApiJson.reply(reply))));
  }

  public Future<Void> connector(ConnectorStatus status) {
    return send(List.of(LiveBus.event(Events.CONNECTOR_STATUS, ApiJson.connector(status))));
  }

  private Future<Void> send(List<JsonObject> events) {
    return bus.publish(events).recover(e -> {
      LOG.warn("live events not announced ({} events): {}", events.size(), e.getMessage());
      return Future.succeededFuture();
    });
  }
}
