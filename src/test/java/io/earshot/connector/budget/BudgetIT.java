package io.earshot.connector.budget;

import static io.earshot.connector.PollDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Connectors;
import io.earshot.connector.PollResult;
import io.earshot.connector.StoreFixture;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A connector account's budget")
class BudgetIT {
  private Vertx vertx;
  private StoreFixture store;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    store = new StoreFixture(vertx);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static ConnectorAccount xv2(String baseUrl, JsonObject budget, List<String> keywords) {
    Map<String, Object> options = Map.of("api", "v2", "pageSize", 100);
    return new ConnectorAccount("capped-x", Platform.X, true, baseUrl, Map.of("consumerKey", XV2Emulator.CONSUMER_KEY,
        "consumerSecret", XV2Emulator.CONSUMER_SECRET, "accessToken", XV2Emulator.ACCESS_TOKEN,
        "accessTokenSecret", XV2Emulator.ACCESS_TOKEN_SECRET), 1, keywords, options,
        BudgetPolicy.parse(budget, Platform.X, true));
  }

  @Test
  @DisplayName("an X v2 account with a $0.05 monthly cap reads 50 posts, then is refused before sending anything")
  void moneyCapStopsReading() throws Exception {
    XV2Emulator emulator = new XV2Emulator(vertx);
    await(emulator.start(0));
    try {
      emulator.seedMentions(200, 0);
      ConnectorAccount account = xv2(emulator.baseUrl(), new JsonObject().put("monthlyUsd", 0.05)
          .put("prices", new JsonObject().put("userReadUsd", 0)), List.of());
      AccountBudget budget = store.budget(account);
      Connector connector = Connectors.create(vertx, account, new io.earshot.connector.ConnectorServices(budget,
          store.stores().tokens(), store.stores().attempts()));
      await(connector.start());
      PollResult first = await(connector.poll(null));
      assertEquals(50, first.mentions().size(), "a page shrunk to what $0.05 pays at $0.001 a post");
      long requests = emulator.faults().requests();

      ConnectorException.BudgetExhausted refused = assertThrows(ConnectorException.BudgetExhausted.class,
          () -> await(connector.poll(first.nextCursor())));
      assertEquals(requests, emulator.faults().requests(), "nothing was sent once the cap was reached");
      assertTrue(refused.resetAt().isAfter(java.time.Instant.now()), "it waits for the month to reset");
      ConnectorSpend spend = budget.snapshot();
      assertEquals(50_000, spend.spentMicros(), "$0.050 spent, exactly the cap");
      assertEquals(emulator.postsServed() * 1_000, spend.spentMicros(), "spend is what X served, at its price");
      assertEquals(ConnectorSpend.Level.EXHAUSTED, spend.level());
      List<ConnectorSpend.Level> told = List.of(ConnectorSpend.Level.WARNING, ConnectorSpend.Level.EXHAUSTED);
      io.earshot.testing.ApiClient.eventually(java.time.Duration.ofSeconds(5), () -> store.warnings().size() >= 2);
      assertEquals(told, store.warnings().stream().map(ConnectorSpend::level).toList(), "warned at 80% and at 100%, once each");
    } finally {
      await(emulator.stop());
    }
  }

  @Test
  @DisplayName("near the cap keyword search waits and mentions still arrive")
  void mentionsBeforeSearch() throws Exception {
    XV2Emulator emulator = new XV2Emulator(vertx);
    await(emulator.start(0));
    try {
      ConnectorAccount account = xv2(emulator.baseUrl(), new JsonObject().put("monthlyUsd", 1.0), List.of("widgets"));
      AccountBudget budget = store.budget(account);
      await(store.stores().budgets().reserve("capped-x|usd|" + java.time.YearMonth.now(java.time.ZoneOffset.UTC),
          "capped-x", 850_000, 1_000_000));
      await(budget.refresh());
      assertTrue(budget.tight(), "85% used");
      emulator.seedMention("where is my order?");
      emulator.seedKeywordPost("widgets are broken again");
      Connector connector = Connectors.create(vertx, account, new io.earshot.connector.ConnectorServices(budget,
          store.stores().tokens(), store.stores().attempts()));
      await(connector.start());
      PollResult page = await(connector.poll(null));
      assertEquals(1, page.mentions().size());
      assertEquals("mention", page.mentions().get(0).meta().get("source"));
    } finally {
      await(emulator.stop());
    }
  }

  @Test
  @DisplayName("a Mastodon account with 3 requests per window makes 3 calls and is refused until the window ends")
  void requestWindow() throws Exception {
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    try {
      emulator.seedMentions(5, 0);
      ConnectorAccount account = new ConnectorAccount("capped-m", Platform.MASTODON, true, emulator.baseUrl(),
          Map.of("accessToken", MastodonEmulator.TOKEN), 1, List.of(), Map.of("streaming", false),
          BudgetPolicy.parse(new JsonObject().put("requests", 3).put("windowSeconds", 3600), Platform.MASTODON, false));
      AccountBudget budget = store.budget(account);
      Connector connector = Connectors.create(vertx, account, new io.earshot.connector.ConnectorServices(budget, null, null));
      await(connector.start());
      assertEquals(5, await(connector.poll(null)).mentions().size(), "verify_credentials, instance, one page: 3");
      long requests = emulator.faults().requests();
      ConnectorException.BudgetExhausted refused = assertThrows(ConnectorException.BudgetExhausted.class,
          () -> await(connector.poll(null)));
      assertEquals(requests, emulator.faults().requests());
      assertEquals(new BudgetPeriods("capped-m", java.time.Duration.ofHours(1)).windowEnd(java.time.Instant.now()),
          refused.resetAt());
      assertEquals(3, budget.snapshot().requests());
    } finally {
      await(emulator.stop());
    }
  }

  @Test
  @DisplayName("two instances spending on one budget at once never pass its cap")
  void concurrentSpendersStayUnderTheCap() throws Exception {
    ConnectorAccount account = xv2("http://unused", new JsonObject().put("monthlyUsd", 0.1), List.of());
    AccountBudget a = store.budget(account);
    AccountBudget b = new AccountBudget(account.name(), account.budget(), store.stores().budgets(), Clock.systemUTC(), s -> { });
    List<Future<Meter.Grant>> grants = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      grants.add((i % 2 == 0 ? a : b).beforeRead(10, 5).recover(e -> Future.succeededFuture(null)));
    }
    await(Future.join(new ArrayList<>(grants)));
    int items = grants.stream().map(Future::result).filter(g -> g != null).mapToInt(Meter.Grant::items).sum();
    assertEquals(100, items, "exactly what $0.10 pays at $0.001 an item, however the 40 calls interleave");
    assertEquals(100_000, await(a.refresh()).spentMicros());
  }

  @Test
  @DisplayName("the account file's budget is checked: money only for X's v2 API, whole positive request counts")
  void policyIsValidated() {
    assertThrows(IllegalArgumentException.class,
        () -> BudgetPolicy.parse(new JsonObject().put("monthlyUsd", 5), Platform.MASTODON, false));
    assertThrows(IllegalArgumentException.class,
        () -> BudgetPolicy.parse(new JsonObject().put("requests", 0), Platform.BLUESKY, false));
    assertThrows(IllegalArgumentException.class,
        () -> BudgetPolicy.parse(new JsonObject().put("monthlyUsd", -1), Platform.X, true));
    BudgetPolicy x = BudgetPolicy.parse(new JsonObject().put("monthlyUsd", 25), Platform.X, true);
    assertEquals(List.of(25_000_000L, 1_000L, 15_000L, 200_000L),
        List.of(x.monthlyMicros(), x.readMicros(), x.postMicros(), x.postWithUrlMicros()));
  }
}
