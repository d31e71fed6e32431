package io.earshot.assign;

import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.TeamStore;
import io.earshot.store.UserStore;
import java.time.Clock;

/** Wiring of assignment for one hub instance: teams and what an assignment is judged on. */
public final class Assign {
  private final TeamService teams;
  private final AssignmentFacts facts;

  public Assign(MongoStore mongo, EventDispatcher events, Clock clock) {
    People people = new People(new UserStore(mongo));
    this.teams = new TeamService(new TeamStore(mongo), people, events, clock);
    this.facts = new AssignmentFacts(people, teams);
  }

  public TeamService teams() {
    return teams;
  }

  public AssignmentFacts facts() {
    return facts;
  }
}
