package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.testing.ApiClient;
import io.earshot.testing.HealthProbe;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's Chromium against a hub whose Redis the test stops and starts again.
 * The browser's live socket goes to the hub and stays open throughout; only the fan-out behind it
 * breaks, so what was missed can only come back through the hub's {@code live.resync}.
 */
@DisplayName("the dashboard across a Redis outage, in a real browser")
class LiveResyncBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  @DisplayName("a case that arrived while Redis was down appears in the open inbox once Redis is back, without a reload")
  void inboxCatchesUpAfterRedisOutage() throws Exception {
    Path redisDir = TestHub.tempDir("resync-redis");
    EmbeddedRedis redis = EmbeddedRedis.start(redisDir, 0);
    Path profile = io.earshot.testing.TestDirs.create("earshot-chromium-");
    WebDriver driver = null;
    try (TestHub hub = TestHub.start(Map.of("REDIS_URL", redis.url()))) {
      driver = browser(profile);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.ignoring(StaleElementReferenceException.class);
      signIn(driver, wait, hub);
      ((JavascriptExecutor) driver).executeScript("window.__earshotSamePage = true;");
      String before = "Before the outage, card declined " + UUID.randomUUID();
      ingest(hub, before);
      waitForRow(wait, before);

      redis.close();
      assertTrue(ApiClient.eventually(Duration.ofSeconds(5), () -> "down".equals(HealthProbe.once(hub.baseUrl()).redis())));
      String during = "During the outage, still no refund " + UUID.randomUUID();
      ingest(hub, during);
      assertTrue(rowTexts(driver).stream().noneMatch(during::equals), "its live event was lost with Redis");
      redis = EmbeddedRedis.start(redisDir, redis.port());

      waitForRow(wait, during);
      assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__earshotSamePage === true;"),
          "the inbox re-read its list in place; the page was not reloaded");
      assertEquals("live", driver.findElement(testId("live-status")).getDomAttribute("data-state"));
    } finally {
      if (driver != null) {
        driver.quit();
      }
      redis.close();
    }
  }

  private static WebDriver browser(Path profile) {
    assertTrue(Files.isExecutable(CHROMIUM), "Chromium is required at " + CHROMIUM);
    assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is required at " + CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static void signIn(WebDriver driver, WebDriverWait wait, TestHub hub) {
    driver.get(hub.baseUrl() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-username"))).sendKeys("admin");
    driver.findElement(testId("login-password")).sendKeys(hub.adminPassword());
    driver.findElement(testId("login-submit")).click();
    wait.until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
  }

  private static void ingest(TestHub hub, String text) {
    JsonObject mention = ApiClient.mention("resync-" + UUID.randomUUID(), "author-" + UUID.randomUUID(), text);
    JsonObject answer = hub.api().ingest(new JsonArray().add(mention)).json();
    assertEquals(1, answer.getInteger("accepted"), answer.encode());
  }

  private static void waitForRow(WebDriverWait wait, String text) {
    wait.until(d -> rowTexts(d).contains(text));
  }

  private static java.util.List<String> rowTexts(WebDriver driver) {
    return driver.findElements(testId("case-row")).stream()
        .map(r -> r.findElement(testId("case-text")).getDomProperty("textContent")).toList();
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }
}
