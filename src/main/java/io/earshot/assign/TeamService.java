package io.earshot.assign;

import io.earshot.auth.User;
import io.earshot.domain.Team;
import io.earshot.domain.event.AdminEvents.TeamChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.StaleWrite;
import io.earshot.store.TeamStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Teams: anyone signed in lists them (to assign a case to one); admins create, change and delete
 * them. Members must be users who work cases. Each change is stored on the version it was decided
 * on and told as {@code team.*} through the event dispatcher (so it is audited). Futures fail with
 * {@link DomainError.Forbidden}, {@code Invalid} (a bad name), {@code Unprocessable} (members),
 * {@code NotFound}, or {@code Conflict} (name taken, or changed meanwhile).
 */
public final class TeamService {
  private final TeamStore teams;
  private final People people;
  private final EventDispatcher events;
  private final Clock clock;

  public TeamService(TeamStore teams, People people, EventDispatcher events, Clock clock) {
    this.teams = teams;
    this.people = people;
    this.events = events;
    this.clock = clock;
  }

  public Future<List<Team>> list() {
    return teams.list();
  }

  /** Whether a team of that name exists now. */
  public Future<Boolean> exists(String name) {
    return teams.get(name).map(t -> t != null);
  }

  public Future<Team> create(User actor, String name, List<String> members) {
    if (!Team.isValidName(name)) {
      return Future.failedFuture(new DomainError.Invalid("name", "use 2-64 letters, digits, '.', '_' or '-' (not 'me' or 'none')"));
    }
    Instant now = clock.instant();
    Team team = new Team(name, members, now, now, 1);
    return admin(actor).compose(v -> members(members)).compose(v -> {
      Change change = Change.of(TeamStore.TEAMS, name, List.of(told(EventType.TEAM_CREATED, team, actor, now,
          "members=" + team.members())));
      return events.apply(change, () -> teams.create(team, change.id()).compose(created -> created
          ? Future.succeededFuture(team) : Future.failedFuture(new DomainError.Conflict("team '" + name + "' exists"))));
    });
  }

  public Future<Team> changeMembers(User actor, String name, List<String> members) {
    return admin(actor).compose(v -> members(members)).compose(v -> existing(name)).compose(before -> {
      Instant now = clock.instant();
      Team after = before.withMembers(members, now);
      Change change = Change.of(TeamStore.TEAMS, name, List.of(told(EventType.TEAM_UPDATED, after, actor, now,
          "members " + before.members() + " → " + after.members())));
      return events.apply(change, () -> teams.save(after, before.version(), change.id()));
    }).recover(TeamService::contended);
  }

  /** Deletes the team; cases given to it keep its name until someone assigns them again. */
  public Future<Void> delete(User actor, String name) {
    return admin(actor).compose(v -> existing(name)).compose(before -> {
      Instant now = clock.instant();
      Change change = Change.of(TeamStore.TEAMS, name, List.of(told(EventType.TEAM_DELETED, before, actor, now,
          "deleted (members " + before.members() + ")")));
      return events.apply(change, () -> teams.delete(name, before.version(), now, change.id()));
    }).recover(TeamService::contended);
  }

  private static TeamChanged told(EventType type, Team team, User actor, Instant at, String detail) {
    return new TeamChanged(type, team.name(), team.members(), actor.username(), detail, at);
  }

  private Future<Team> existing(String name) {
    return teams.get(name).compose(t -> t == null
        ? Future.failedFuture(new DomainError.NotFound("no team " + name)) : Future.succeededFuture(t));
  }

  private Future<Void> members(List<String> members) {
    return people.unassignable(members).compose(bad -> bad.isEmpty() ? Future.succeededFuture()
        : Future.failedFuture(new DomainError.Unprocessable("members",
            "not users who work cases (unknown, disabled or marketers only): " + bad)));
  }

  private static Future<Void> admin(User actor) {
    return actor.isAdmin() ? Future.succeededFuture()
        : Future.failedFuture(new DomainError.Forbidden("only admins manage teams"));
  }

  private static <T> Future<T> contended(Throwable e) {
    return Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("the team changed meanwhile; reload it and try again") : e);
  }
}
