package io.earshot.web;

import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.Browser;
import io.earshot.testing.BrowserPerTest;
import io.earshot.testing.TestDirs;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox and the open case driven through Debian's Chromium against a real hub (embedded
 * MongoDB and Redis). Mentions enter through the public ingest API, so what the browser shows has
 * travelled the whole path: ingest, triage, store, fan-out, WebSocket, DOM. The built-in sandbox
 * platform runs with one connector account, because a reply can only reach {@code sent} through a
 * connected account that knows the post it answers: the sandbox refuses replies to posts it never
 * published. Who the page acts as is {@link SessionBrowserIT}'s.
 */
@DisplayName("the dashboard in a real browser")
class DashboardBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static final String SANDBOX_ACCOUNT = """
      {"name": "sandbox", "platform": "sandbox", "enabled": true,
       "baseUrl": "${EARSHOT_SANDBOX_URL}", "credentials": {"token": "${EARSHOT_SANDBOX_TOKEN}"},
       "pollIntervalSeconds": 1}
      """;

  private static TestHub hub;
  private static Path connectorsDir;
  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RegisterExtension
  final BrowserPerTest browsers = new BrowserPerTest(WAIT);
  private Browser browser;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void startHub() throws Exception {
    connectorsDir = TestDirs.create("earshot-it-connectors-");
    Files.writeString(connectorsDir.resolve("sandbox.json"), SANDBOX_ACCOUNT);
    hub = TestHub.start(Map.of("EARSHOT_SANDBOX", "on", "EARSHOT_CONNECTORS_DIR", connectorsDir.toString()));
  }

  @AfterAll
  static void stopHub() throws Exception {
    try {
      if (hub != null) {
        hub.close();
      }
    } finally {
      TestDirs.delete(connectorsDir);
    }
  }

  @BeforeEach
  void takeBrowser() {
    browser = browsers.browser();
    driver = browser.driver();
    wait = browser.waiting();
  }

  @Test
  @DisplayName("a newly ingested mention appears in the inbox live, without a reload")
  void mentionAppearsLive() throws Exception {
    browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
    browser.js("window.__earshotSamePage = true;");
    String text = "Card charged twice, please refund " + UUID.randomUUID();

    ingest(mention(text));

    WebElement row = wait.until(d -> browser.row(text));
    assertEquals(text, row.findElement(testId("case-text")).getDomProperty("textContent"));
    assertEquals(Boolean.TRUE, browser.js("return window.__earshotSamePage === true;"),
        "the row must arrive over the live feed, not through a page reload");
  }

  @Test
  @DisplayName("a reply sent from the composer shows its state live until it is sent")
  void replyStateBecomesSent() throws Exception {
    browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
    wait.until(ExpectedConditions.attributeToBe(
        By.cssSelector("[data-testid=connector-pill][data-account=sandbox]"), "data-state", "connected"));
    // A case the sandbox account read itself: its platform knows the post the reply answers.
    browser.openCase(wait.until(d -> d.findElement(By.cssSelector("[data-testid=case-row][data-account=sandbox]"))
        .getDomAttribute("data-case-id")));

    String reply = "Sorry about the wait, checking this now " + UUID.randomUUID();
    WebElement composer = driver.findElement(testId("reply-text"));
    composer.sendKeys(reply);
    wait.until(ExpectedConditions.elementToBeClickable(testId("reply-send"))).click();

    String firstState = wait.until(d -> replyPart(reply, "reply-state").getDomAttribute("data-state"));
    assertTrue(List.of("queued", "sending", "sent").contains(firstState),
        "a new reply shows its publishing state, was " + firstState);
    wait.until(d -> "sent".equals(replyPart(reply, "reply-state").getDomAttribute("data-state")));
    assertTrue(wait.until(d -> replyPart(reply, "reply-external-id").getText()).startsWith("posted as "),
        "a sent reply shows the platform's id for it");
    assertEquals("", driver.findElement(testId("reply-text")).getDomProperty("value"),
        "the composer is cleared once the reply is accepted");
  }

  @Test
  @DisplayName("hostile mention text is shown literally and never becomes markup")
  void hostileTextIsRenderedAsText() throws Exception {
    browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
    // Keep any injected script observable instead of blocking the page on a dialog.
    browser.js("window.__earshotAlerts = []; window.alert = (m) => window.__earshotAlerts.push(String(m));");
    String marker = UUID.randomUUID().toString();
    String text = HOSTILE + " " + marker;

    ingest(mention(text));
    WebElement row = wait.until(d -> browser.row(text));
    assertEquals(text, row.findElement(testId("case-text")).getDomProperty("textContent"));
    browser.openCase(row.getDomAttribute("data-case-id"));
    String shown = wait.until(d -> d.findElements(By.cssSelector("[data-testid=thread-item][data-kind=mention]"))
        .stream().findFirst().map(i -> i.findElement(testId("thread-text")).getDomProperty("textContent")).orElse(null));
    String itemText = wait.until(d -> d.findElement(By.cssSelector("[data-testid=thread-item][data-kind=mention]")).getText());

    assertEquals(0L, browser.js("return document.querySelectorAll('#app img, #app script').length;"),
        "no element was created from mention text");
    assertEquals(text, shown);
    assertTrue(itemText.contains(HOSTILE), "the tags are visible as text in the thread");
    assertEquals(0L, browser.js("return window.__earshotAlerts.length;"), "no injected script ran");
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert dialog is open");
    } catch (NoAlertPresentException expected) {
      // the only acceptable outcome
    }
  }

  /** A part of the reply with this text, found afresh (throws while it is not there yet). */
  private WebElement replyPart(String text, String part) {
    WebElement item = threadItem("reply", text);
    if (item == null) {
      throw new NoSuchElementException("no reply '" + text + "' yet");
    }
    return item.findElement(testId(part));
  }

  private WebElement threadItem(String kind, String text) {
    return driver.findElements(By.cssSelector("[data-testid=thread-item][data-kind=" + kind + "]"))
        .stream()
        .filter(i -> text.equals(i.findElement(testId("thread-text")).getDomProperty("textContent")))
        .findFirst().orElse(null);
  }

  private static JsonObject mention(String text) {
    String id = UUID.randomUUID().toString();
    return new JsonObject()
        .put("platform", "sandbox")
        .put("externalId", "it-" + id)
        .put("author", new JsonObject()
            .put("id", "author-" + id)
            .put("handle", "customer_" + id.substring(0, 8))
            .put("name", "Test Customer")
            .put("followers", 1200)
            .put("verified", false))
        .put("text", text)
        .put("createdAt", Instant.now().toString());
  }

  private static void ingest(JsonObject... mentions) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/mentions"))
        .header("Authorization", "Bearer " + hub.ingestToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonArray(List.of((Object[]) mentions)).encode()))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(202, response.statusCode(), response.body());
    assertEquals(mentions.length, new JsonObject(response.body()).getInteger("accepted"), response.body());
  }
}
