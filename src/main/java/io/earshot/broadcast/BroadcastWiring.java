package io.earshot.broadcast;

import io.earshot.brand.BrandDirectory;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.events.EventDispatcher;
import io.earshot.publish.Publisher;
import io.earshot.store.BroadcastStore;

/** What the runner works with, gathered to keep its constructor short. */
record BroadcastWiring(BroadcastStore store, ProblemAudience audience, NoticeFanOut fanOut, ProgressReads progress,
                       OutboxRows outbox, ConnectorRegistry connectors, BrandDirectory brands, EventDispatcher events,
                       Publisher publisher) {
}
