package io.earshot.assign;

import io.earshot.brand.BrandDirectory;
import io.earshot.config.EarshotConfig;
import io.earshot.events.EventDispatcher;
import io.earshot.live.LiveBus;
import io.earshot.presence.CollisionCheck;
import io.earshot.presence.PresenceBoard;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.find.WaitingCases;
import io.earshot.store.AssignedAtStore;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.ReplyStore;
import io.earshot.store.RoutingPolicyStore;
import io.earshot.store.TeamStore;
import io.earshot.store.UserStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * Wiring of assignment for one hub instance: teams, what an assignment is judged on, the routing
 * policy and the auto-assigner (with its lease and the listener that times assignments), and
 * presence on cases with the collision check replies pass.
 */
public final class Assign {
  /** The lease outlives a few rounds, so a dead holder is replaced within seconds. */
  private static final Duration MIN_LEASE = Duration.ofSeconds(10);
  private final People people;
  private final TeamService teams;
  private final AssignmentFacts facts;
  private final RoutingPolicies policies;
  private final AutoAssigner assigner;
  private final AssignmentClock clock;
  private final EarshotConfig.Assignment config;
  private final PresenceBoard presence;
  private final CollisionCheck collisions;

  /** What the wiring needs from the hub. */
  public record Needs(Vertx vertx, MongoStore mongo, RedisConnection redis, LiveBus live, EventDispatcher events,
                      BrandDirectory brands, String instanceId, EarshotConfig.Assignment config, WaitingCases waiting,
                      Clock clock) {
  }

  public Assign(Needs needs) {
    MongoStore mongo = needs.mongo();
    UserStore users = new UserStore(mongo);
    this.config = needs.config();
    this.people = new People(users);
    this.teams = new TeamService(new TeamStore(mongo), people, needs.events(), needs.clock());
    this.facts = new AssignmentFacts(people, teams);
    RoutingPolicyStore policyStore = new RoutingPolicyStore(mongo);
    this.policies = new RoutingPolicies(policyStore, needs.brands(), needs.events(), needs.clock());
    AssignedAtStore assignedAt = new AssignedAtStore(mongo);
    this.clock = new AssignmentClock(assignedAt);
    Duration ttl = needs.config().routingInterval().multipliedBy(3);
    Lease lease = new Lease(needs.redis(), "routing", needs.instanceId(), ttl.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : ttl);
    this.presence = new PresenceBoard(needs.redis(), needs.live(), needs.config().presenceTtl(), needs.clock());
    this.collisions = new CollisionCheck(presence, new ReplyStore(mongo), needs.config().replyConfirmWindow(),
        needs.clock());
    this.assigner = new AutoAssigner(needs.vertx(), new AutoAssigner.Stores(needs.waiting(), new CaseStore(mongo), users, policyStore,
        new Reassignments(assignedAt), new Turns(needs.redis()), needs.events()), lease, needs.clock());
  }

  public People people() {
    return people;
  }

  public TeamService teams() {
    return teams;
  }

  public AssignmentFacts facts() {
    return facts;
  }

  public RoutingPolicies policies() {
    return policies;
  }

  public AutoAssigner assigner() {
    return assigner;
  }

  /** The event listener that remembers when each case was assigned (register it with the dispatcher). */
  public AssignmentClock listener() {
    return clock;
  }

  public PresenceBoard presence() {
    return presence;
  }

  public CollisionCheck collisions() {
    return collisions;
  }

  public EarshotConfig.Assignment config() {
    return config;
  }
}
