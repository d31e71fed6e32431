package io.earshot.connector;

import io.earshot.domain.ConnectorSwitch;
import io.earshot.domain.Decision;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.ConnectorSwitchStore;
import io.earshot.store.CursorStore;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What admins and managers see of the connector accounts, and the admin's switch. An account is
 * shown with its file's settings (never its credentials), its switch, the shared status board's
 * latest status and how far it has read. Switching is decided by {@link ConnectorSwitch}, stored
 * on the version it was decided on and told through the event dispatcher (so it is audited);
 * callers check the actor's role. Futures fail with {@link DomainError.NotFound} (no such
 * account) or {@code Conflict} (it cannot run on this hub, or changes too fast).
 */
public final class ConnectorAccounts {
  private static final int ATTEMPTS = 4;
  private final ConnectorFleet fleet;
  private final StatusBoard board;
  private final ConnectorSwitchStore switches;
  private final CursorStore cursors;
  private final EventDispatcher events;
  private final Clock clock;

  /** One account as shown: {@code status} is the board's JSON (null before anyone reported it). */
  public record View(ConnectorAccount account, String problem, ConnectorSwitch switched, JsonObject status,
                     CursorStore.Progress progress) {
  }

  public ConnectorAccounts(ConnectorFleet fleet, StatusBoard board, ConnectorStores stores, EventDispatcher events,
                           Clock clock) {
    this.fleet = fleet;
    this.board = board;
    this.switches = stores.switches();
    this.cursors = stores.cursors();
    this.events = events;
    this.clock = clock;
  }

  /** Every configured account in file order. A board Redis cannot answer leaves statuses out, not the list. */
  public Future<List<View>> list() {
    Future<Map<String, JsonObject>> statuses = board.all().map(all -> all.stream()
        .collect(Collectors.toMap(s -> s.getString("account"), s -> s, (a, b) -> b)))
        .otherwise(Map.of());
    return Future.all(statuses, switches.all(), cursors.progress()).map(all -> fleet.configured().stream()
        .map(c -> view(c, all.<Map<String, JsonObject>>resultAt(0), all.<Map<String, ConnectorSwitch>>resultAt(1),
            all.<Map<String, CursorStore.Progress>>resultAt(2))).toList());
  }

  public Future<View> get(String name) {
    return list().compose(all -> all.stream().filter(v -> v.account().name().equals(name)).findFirst()
        .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(new DomainError.NotFound("no connector account " + name))));
  }

  /** Switches the account's polling on or off on every instance; answers the account as it is then. */
  public Future<View> setEnabled(String name, boolean enabled, String actor) {
    return get(name).compose(view -> {
      if (view.problem() != null) {
        return Future.failedFuture(new DomainError.Conflict("connector account " + name
            + " does not run on this hub (" + view.problem() + "); change its account file"));
      }
      return contended(name, () -> switches.get(name).compose(before ->
          save(before, ConnectorSwitch.set(before, enabled, actor, clock.instant()))));
    }).onSuccess(s -> fleet.switchesChanged()).compose(s -> get(name));
  }

  private Future<ConnectorSwitch> save(ConnectorSwitch before, Decision<ConnectorSwitch> decision) {
    if (!decision.changed()) {
      return Future.succeededFuture(before);
    }
    Change change = Change.of(MongoStore.CONNECTOR_SWITCHES, before.account(), decision.events());
    return events.apply(change, () -> switches.save(decision.state(), before.version(), change.id()));
  }

  private static View view(ConnectorFleet.Configured c, Map<String, JsonObject> statuses,
                           Map<String, ConnectorSwitch> switched, Map<String, CursorStore.Progress> progress) {
    String name = c.account().name();
    return new View(c.account(), c.problem(), switched.getOrDefault(name, ConnectorSwitch.untouched(name)),
        statuses.get(name), progress.get(name));
  }

  private static <T> Future<T> contended(String name, java.util.function.Supplier<Future<T>> attempt) {
    return StaleWrite.retry(ATTEMPTS, attempt).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("connector account " + name + " keeps changing; reload it and try again") : e));
  }
}
