package io.earshot.connector;

import io.earshot.connector.budget.AccountBudget;
import io.earshot.domain.ConnectorSpend;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real embedded MongoDB behind connector-level tests that need the hub's connector stores
 * (budgets, OAuth tokens, publish marks), without a whole hub: one server per test class.
 */
public final class StoreFixture implements AutoCloseable {
  private final java.nio.file.Path dir = io.earshot.testing.TestDirs.create("earshot-connector-store");
  private final EmbeddedMongo embedded;
  private final MongoStore mongo;
  private final ConnectorStores stores;
  private final List<ConnectorSpend> warnings = new CopyOnWriteArrayList<>();

  public StoreFixture(Vertx vertx) {
    this.embedded = EmbeddedMongo.start(dir, false);
    this.mongo = new MongoStore(vertx, embedded.connectionString(), "earshot", MongoStore.writeConcern("1", false),
        embedded.durability());
    this.stores = ConnectorStores.of(mongo);
  }

  public ConnectorStores stores() {
    return stores;
  }

  /** The account's real budget over the shared store; its warnings are collected in {@link #warnings()}. */
  public AccountBudget budget(ConnectorAccount account) {
    return new AccountBudget(account.name(), account.budget(), stores.budgets(), Clock.systemUTC(), warnings::add);
  }

  public ConnectorServices services(ConnectorAccount account) {
    return new ConnectorServices(budget(account), stores.tokens(), stores.attempts());
  }

  public List<ConnectorSpend> warnings() {
    return warnings;
  }

  @Override
  public void close() {
    mongo.close();
    embedded.close();
    io.earshot.testing.TestDirs.delete(dir);
  }
}
