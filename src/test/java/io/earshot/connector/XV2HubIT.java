package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.awaitHealth;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An X v2 account in a real hub: its hard budget cap stops polling (health, the live
 * {@code connector.budget_warning} events and the dashboard's connector bar show the spend), and
 * an OAuth 2.0 token the hub refreshed outlives a hub restart.
 */
@DisplayName("An X v2 account connected to a real hub")
class XV2HubIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private Vertx vertx;
  private XV2Emulator emulator;
  private Path connectorsDir;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    emulator = new XV2Emulator(vertx);
    await(emulator.start(0));
    connectorsDir = TestHub.tempDir("earshot-connectors");
  }

  @AfterEach
  void stop() {
    await(emulator.stop());
    await(vertx.close());
  }

  private void writeAccount(JsonObject credentials, JsonObject budget) throws IOException {
    writeAccount(credentials, budget, false);
  }

  private void writeAccount(JsonObject credentials, JsonObject budget, boolean dm) throws IOException {
    JsonObject account = new JsonObject().put("name", "brand-x").put("platform", "x").put("enabled", true)
        .put("baseUrl", emulator.baseUrl()).put("credentials", credentials).put("pollIntervalSeconds", 1)
        .put("options", new JsonObject().put("api", "v2").put("pageSize", 20).put("dm", dm));
    if (budget != null) {
      account.put("budget", budget);
    }
    Files.writeString(connectorsDir.resolve("brand-x.json"), account.encodePrettily());
  }

  private Map<String, String> env(Path dataDir, Map<String, String> secrets) {
    Map<String, String> env = new HashMap<>(secrets);
    env.put("EARSHOT_DATA_DIR", dataDir.toString());
    env.put("EARSHOT_CONNECTORS_DIR", connectorsDir.toString());
    return env;
  }

  private static JsonObject oauth1Refs() {
    return new JsonObject().put("consumerKey", "${X_KEY}").put("consumerSecret", "${X_SECRET}")
        .put("accessToken", "${X_TOKEN}").put("accessTokenSecret", "${X_TOKEN_SECRET}");
  }

  private static Map<String, String> oauth1Secrets() {
    return Map.of("X_KEY", XV2Emulator.CONSUMER_KEY, "X_SECRET", XV2Emulator.CONSUMER_SECRET,
        "X_TOKEN", XV2Emulator.ACCESS_TOKEN, "X_TOKEN_SECRET", XV2Emulator.ACCESS_TOKEN_SECRET);
  }

  private static boolean waitFor(WebDriverWait wait, java.util.function.BooleanSupplier shown) {
    try {
      return wait.until(d -> shown.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  @Test
  @DisplayName("X DMs thread into the customer's case marked private, once across a restart; a private answer goes out once;"
      + " with the dm option off a private answer is 422 visibility")
  void directMessagesInTheHub() throws Exception {
    writeAccount(oauth1Refs(), null, true);
    Path dataDir = TestHub.tempDir("earshot-data");
    String post = emulator.seedMentionAt("@BrandSupport my invoice is wrong", Instant.now());
    String first = emulator.dms().seedFrom(post, "invoice 2026-118, billed twice");
    String caseId;
    try (TestHub hub = TestHub.start(env(dataDir, oauth1Secrets()))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(20), () -> caseOf(hub, first) != null && caseOf(hub, post) != null));
      caseId = caseOf(hub, post);
      assertEquals(caseId, caseOf(hub, first), "the DM joins the case of the customer's post");
      assertTrue(eventually(Duration.ofSeconds(15), () -> api.get("/api/v1/cases/" + caseId).status() == 200));
      assertEquals("private", entry(api, caseId, "invoice 2026-118, billed twice").getString("visibility"));
      JsonObject reply = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Corrected, the second charge is void.")).json();
      assertEquals("private", reply.getString("visibility"), "an answer to a private message stays private");
      assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(entry(api, caseId, reply.getString("id"))
          .getString("state"))));
    }
    String second = emulator.dms().seedFrom(post, "and the refund?");
    try (TestHub hub = TestHub.start(env(dataDir, oauth1Secrets()))) {
      assertTrue(eventually(Duration.ofSeconds(20), () -> caseOf(hub, second) != null));
      assertEquals(caseId, caseOf(hub, second));
      assertEquals(3, HubAccounts.stored(hub, "brand-x").size(), "the post and two DMs, each once; the brand's DM not read");
    }
    assertEquals(1, emulator.dms().sent().size(), "the private answer went out once");
    assertEquals(List.of(), emulator.posted(), "nothing was posted in public");

    writeAccount(oauth1Refs(), null, false);
    try (TestHub hub = TestHub.start(env(dataDir, oauth1Secrets()))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      ApiClient.Response refused = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Please send your order number.").put("visibility", "private"));
      assertEquals(422, refused.status(), refused.body());
      assertEquals("visibility", refused.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
    }
  }

  private static String caseOf(TestHub hub, String idSuffix) {
    return HubAccounts.stored(hub, "brand-x").values().stream()
        .filter(d -> d.getString("externalId").equals(idSuffix) || d.getString("externalId").endsWith("/" + idSuffix))
        .map(d -> d.getString("caseId")).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** The case thread's entry with this id or text. */
  private static JsonObject entry(ApiClient api, String caseId, String idOrText) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> idOrText.equals(o.getString("id")) || idOrText.equals(o.getString("text")))
        .findFirst().orElse(new JsonObject());
  }

  @Test
  @DisplayName("the hard cap stops polling at $0.05, warnings go out live, and the connector bar shows the spend")
  void hardCapStopsPolling() throws Exception {
    writeAccount(new JsonObject().put("consumerKey", "${X_KEY}").put("consumerSecret", "${X_SECRET}")
            .put("accessToken", "${X_TOKEN}").put("accessTokenSecret", "${X_TOKEN_SECRET}"),
        new JsonObject().put("monthlyUsd", 0.05).put("prices", new JsonObject().put("userReadUsd", 0)));
    Map<String, String> secrets = Map.of("X_KEY", XV2Emulator.CONSUMER_KEY, "X_SECRET", XV2Emulator.CONSUMER_SECRET,
        "X_TOKEN", XV2Emulator.ACCESS_TOKEN, "X_TOKEN_SECRET", XV2Emulator.ACCESS_TOKEN_SECRET);
    try (TestHub hub = TestHub.start(env(TestHub.tempDir("earshot-data"), secrets))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      try (LiveListener live = new LiveListener(hub.hub().port(), api.sessionCookie())) {
        // Posts appear only once the live socket is open: the warnings it must see come with the first pages.
        emulator.seedMentions(200, 0);
        JsonObject capped = awaitHealth(api, "brand-x", Duration.ofSeconds(40),
            h -> h.getJsonObject("budget") != null && "exhausted".equals(h.getJsonObject("budget").getString("level"))
                && "rate_limited".equals(h.getString("state")));
        JsonObject money = capped.getJsonObject("budget").getJsonObject("money");
        assertEquals(0.05, money.getDouble("spent"), 1e-9, capped.encode());
        assertEquals(0.0, money.getDouble("remaining"), 1e-9);
        assertTrue(capped.getString("detail").startsWith("budget cap reached"), capped.encode());
        long requests = emulator.faults().requests();
        Instant lastPoll = Instant.parse(capped.getString("lastPollAt"));
        assertTrue(eventually(Duration.ofSeconds(10), () -> Duration.between(lastPoll, Instant.now()).toSeconds() >= 4),
            "time passes without a poll");
        assertEquals(requests, emulator.faults().requests(), "no request after the cap");
        assertEquals(50, HubAccounts.stored(hub, "brand-x").size(), "$0.05 bought 50 posts at $0.001");
        assertEquals(50, emulator.postsServed(), "and X served exactly those");
        assertTrue(eventually(Duration.ofSeconds(5), () -> live.events().stream()
            .filter(e -> "connector.budget_warning".equals(e.getString("type"))).count() == 2), "warning and exhausted, live");
        assertBarShowsSpend(hub);
      }
    }
  }

  private void assertBarShowsSpend(TestHub hub) throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium and chromedriver are required");
    Path profile = io.earshot.testing.TestDirs.create("earshot-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      // The bar re-renders on every live status: a pill found a moment ago may already be replaced.
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
      driver.get(hub.baseUrl() + "/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]"))).sendKeys("admin");
      driver.findElement(By.cssSelector("[data-testid=login-password]")).sendKeys(hub.adminPassword());
      driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
      By pill = By.cssSelector("[data-testid=connector-pill][data-account=brand-x]");
      wait.until(ExpectedConditions.attributeToBe(pill, "data-budget", "exhausted"));
      // Each live status renders the pill anew: read it whole, in one go, until it says it all.
      String[] seen = new String[1];
      boolean shown = waitFor(wait, () -> {
        WebElement now = driver.findElement(pill);
        seen[0] = now.findElement(By.cssSelector("[data-testid=connector-spend]")).getText() + " | " + now.getText()
            + " | " + now.getAttribute("title");
        return seen[0].startsWith("$0.050 of $0.050 | ") && now.getText().contains("over budget until")
            && now.getAttribute("title").contains("Spent this month $0.050 of $0.050");
      });
      assertTrue(shown, "the pill shows the spend at the cap: " + seen[0]);
    } finally {
      driver.quit();
    }
  }

  @Test
  @DisplayName("an OAuth 2.0 token the hub refreshed outlives a hub restart, though the file's refresh token is spent")
  void refreshedTokenOutlivesRestart() throws Exception {
    emulator.seedMentions(5, 0);
    writeAccount(new JsonObject().put("clientId", XV2Emulator.CLIENT_ID).put("refreshToken", "${X_REFRESH}"), null);
    Path dataDir = TestHub.tempDir("earshot-data");
    Map<String, String> secrets = Map.of("X_REFRESH", emulator.grantRefreshToken());
    try (TestHub first = TestHub.start(env(dataDir, secrets))) {
      ApiClient api = first.api().login("admin", first.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(15), () -> HubAccounts.stored(first, "brand-x").size() == 5));
      emulator.expireAccessTokens();
      emulator.seedMentions(5, 0);
      assertTrue(eventually(Duration.ofSeconds(15), () -> HubAccounts.stored(first, "brand-x").size() == 10),
          "the expired token was refreshed: " + HubAccounts.health(api, "brand-x"));
    }
    assertEquals(2, emulator.tokenRefreshes(), "one at start (the file holds no access token), one after expiry");
    emulator.seedMentions(5, 0);
    try (TestHub second = TestHub.start(env(dataDir, secrets))) {
      assertTrue(eventually(Duration.ofSeconds(15), () -> HubAccounts.stored(second, "brand-x").size() == 15),
          "the stored, rotated pair is used: " + HubAccounts.health(second.api().login("admin", second.adminPassword()), "brand-x"));
    }
    assertEquals(2, emulator.tokenRefreshes(), "the restarted hub needed no refresh: the stored token was still valid");
  }
}
