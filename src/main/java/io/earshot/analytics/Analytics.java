package io.earshot.analytics;

import io.earshot.brand.BrandDirectory;
import io.earshot.events.EventListener;
import io.earshot.store.MongoStore;
import io.earshot.store.RollupSources;
import io.earshot.store.RollupStore;
import java.util.List;

/** Wiring of the analytics part: its event listeners, the overview service and the rebuild. */
public final class Analytics {
  private Analytics() {
  }

  /**
   * The durable rollup listener and the (transient) engagement one; {@code embedded}: the store
   * is the embedded server, whose upserts must filter by {@code _id} alone (see {@link RollupStore}).
   */
  public static List<EventListener> listeners(MongoStore mongo, boolean embedded) {
    RollupStore rollups = new RollupStore(mongo, !embedded);
    RollupSources sources = new RollupSources(mongo);
    return List.of(new RollupListener(rollups, sources),
        new EngagementRollup(rollups, sources));
  }

  public static AnalyticsService service(MongoStore mongo, BrandDirectory brands) {
    return new AnalyticsService(new RollupStore(mongo, false), brands);
  }

  public static RollupRebuild rebuild(MongoStore mongo) {
    return new RollupRebuild(new RollupSources(mongo), new RollupStore(mongo, false));
  }
}
