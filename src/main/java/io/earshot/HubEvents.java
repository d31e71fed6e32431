package io.earshot;

import io.earshot.analytics.Analytics;
import io.earshot.audit.AuditTrail;
import io.earshot.config.EarshotConfig;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventRelay;
import io.earshot.live.LiveBus;
import io.earshot.live.LiveFanout;
import io.earshot.live.LiveNotices;
import io.earshot.metrics.HubMetrics;
import io.earshot.store.AuditLog;
import io.earshot.store.EventQueueStore;
import io.earshot.store.MongoStore;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The event spine of one instance: the dispatcher with the listeners every instance has, and
 * the relay (started with the maintenance verticle) that re-delivers what a crash or a failing
 * durable listener left in the event queue. Listeners of later parts (assignment, the inbox
 * index) are registered by {@link Hub} as those start.
 */
record HubEvents(EventDispatcher dispatcher, EventRelay relay) {

  /** Live fan-out and notices, the audit log, webhooks, the metrics' counts and the analytics rollups. */
  static HubEvents wire(Vertx vertx, EarshotConfig config, MongoStore mongo, LiveBus liveBus, Webhooks webhooks,
                        HubMetrics metrics, Clock clock) {
    EventQueueStore queue = new EventQueueStore(mongo);
    EventDispatcher dispatcher = new EventDispatcher(queue, clock);
    dispatcher.register(new LiveFanout(liveBus));
    dispatcher.register(new LiveNotices(liveBus));
    dispatcher.register(new AuditTrail(new AuditLog(mongo)));
    dispatcher.register(webhooks.listener());
    dispatcher.register(metrics.listener());
    if (config.ingest().analyticsRollups()) {
      Analytics.listeners(mongo, config.stores().embeddedMongo()).forEach(dispatcher::register);
    }
    return new HubEvents(dispatcher, new EventRelay(vertx, queue, dispatcher, clock));
  }
}
