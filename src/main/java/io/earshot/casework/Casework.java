package io.earshot.casework;

import io.earshot.events.EventDispatcher;
import io.earshot.inbox.CaseChanges;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.store.CaseMerges;
import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.MongoStore;
import io.earshot.store.NoteStore;
import io.earshot.store.SnoozeStore;
import io.earshot.store.TagListStore;
import io.earshot.store.ThreadMoves;
import io.earshot.store.UserStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * Working a case, wired once per instance: notes, the admins' tags, merging, bulk actions and
 * the snooze wake-up (started by the maintenance side, one instance at a time by its lease).
 */
public record Casework(NoteService notes, TagCatalog tags, CaseMerger merger, BulkActions bulk, SnoozeWaker waker) {
  /** How often snoozed cases are checked; the lease outlives three rounds. */
  public static final Duration SNOOZE_CHECK = Duration.ofSeconds(5);

  public static Casework wire(Vertx vertx, MongoStore mongo, RedisConnection redis, String instanceId,
                              CaseStore cases, CustomerStore customers, CaseChanges changes, EventDispatcher events,
                              Clock clock) {
    SnoozeWaker waker = new SnoozeWaker(vertx, cases, new SnoozeStore(mongo), events,
        new Lease(redis, "snooze-wake", instanceId, SNOOZE_CHECK.multipliedBy(3)), clock);
    return new Casework(new NoteService(cases, new NoteStore(mongo), new UserStore(mongo), events, clock),
        new TagCatalog(new TagListStore(mongo), events, clock),
        new CaseMerger(cases, new CaseMerges(mongo), new ThreadMoves(mongo), events, clock),
        new BulkActions(changes, customers), waker);
  }
}
