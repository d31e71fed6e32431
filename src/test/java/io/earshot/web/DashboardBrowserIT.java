package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard driven through Debian's Chromium against a real hub (embedded MongoDB and Redis).
 * Mentions enter through the public ingest API, so what the browser shows has travelled the whole
 * path: ingest, triage, store, fan-out, WebSocket, DOM. The built-in sandbox platform runs with one
 * connector account, because a reply can only reach {@code sent} through a connected account that
 * knows the post it answers: the sandbox refuses replies to posts it never published.
 */
@DisplayName("the dashboard in a real browser")
class DashboardBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
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

  private Path profile;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void startHub() throws Exception {
    connectorsDir = io.earshot.testing.TestDirs.create("earshot-it-connectors-");
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
      io.earshot.testing.TestDirs.delete(connectorsDir);
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    // CI installs Chromium; a missing browser is a broken build, not a reason to skip.
    assertTrue(Files.isExecutable(CHROMIUM), "Chromium is required at " + CHROMIUM);
    assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is required at " + CHROMEDRIVER);
    profile = io.earshot.testing.TestDirs.create("earshot-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1400,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    // The inbox re-renders as live events arrive; an element found a moment ago may be replaced.
    wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void closeBrowser(TestInfo info) throws IOException {
    try {
      if (driver != null) {
        keepScreenshot(info.getTestMethod().map(m -> m.getName()).orElse("test"));
        driver.quit();
      }
    } finally {
      io.earshot.testing.TestDirs.delete(profile);
    }
  }

  @Test
  @DisplayName("a newly ingested mention appears in the inbox live, without a reload")
  void mentionAppearsLive() throws Exception {
    signIn();
    js("window.__earshotSamePage = true;");
    String text = "Card charged twice, please refund " + UUID.randomUUID();

    ingest(mention(text));

    WebElement row = waitForRow(text);
    assertEquals(text, row.findElement(testId("case-text")).getDomProperty("textContent"));
    assertEquals(Boolean.TRUE, js("return window.__earshotSamePage === true;"),
        "the row must arrive over the live feed, not through a page reload");
  }

  @Test
  @DisplayName("a reply sent from the composer shows its state live until it is sent")
  void replyStateBecomesSent() throws Exception {
    signIn();
    wait.until(ExpectedConditions.attributeToBe(
        By.cssSelector("[data-testid=connector-pill][data-account=sandbox]"), "data-state", "connected"));
    // A case the sandbox account read itself: its platform knows the post the reply answers.
    openCase(wait.until(d -> d.findElement(By.cssSelector("[data-testid=case-row][data-account=sandbox]"))
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
    signIn();
    // Keep any injected script observable instead of blocking the page on a dialog.
    js("window.__earshotAlerts = []; window.alert = (m) => window.__earshotAlerts.push(String(m));");
    String marker = UUID.randomUUID().toString();
    String text = HOSTILE + " " + marker;

    ingest(mention(text));
    WebElement row = waitForRow(text);
    assertEquals(text, row.findElement(testId("case-text")).getDomProperty("textContent"));
    openCase(row.getDomAttribute("data-case-id"));
    String shown = wait.until(d -> d.findElements(By.cssSelector("[data-testid=thread-item][data-kind=mention]"))
        .stream().findFirst().map(i -> i.findElement(testId("thread-text")).getDomProperty("textContent")).orElse(null));
    String itemText = wait.until(d -> d.findElement(By.cssSelector("[data-testid=thread-item][data-kind=mention]")).getText());

    assertEquals(0L, js("return document.querySelectorAll('#app img, #app script').length;"),
        "no element was created from mention text");
    assertEquals(text, shown);
    assertTrue(itemText.contains(HOSTILE), "the tags are visible as text in the thread");
    assertEquals(0L, js("return window.__earshotAlerts.length;"), "no injected script ran");
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert dialog is open");
    } catch (NoAlertPresentException expected) {
      // the only acceptable outcome
    }
  }

  @Test
  @DisplayName("claiming a case assigns whoever the hub signed in, not a name the page sends; signing out ends the session")
  void claimAsServerKnownUser() throws Exception {
    signIn();
    String text = "Claim me please " + UUID.randomUUID();
    ingest(mention(text));
    String caseId = waitForRow(text).getDomAttribute("data-case-id");
    openCase(caseId);
    wait.until(ExpectedConditions.elementToBeClickable(testId("case-claim"))).click();
    wait.until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to you"));
    assertEquals("admin", caseOnServer(caseId).getString("assignee"));

    String cookie = "earshot_session=" + driver.manage().getCookieNamed("earshot_session").getValue();
    driver.findElement(testId("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
    HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/session"))
        .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, after.statusCode(), "signing out (a DELETE with the CSRF token) ended the session on the server");
  }

  @Test
  @DisplayName("when another tab signs in as someone else, the page switches to that user instead of acting as the first")
  void secondTabSwitchesUser() throws Exception {
    String other = "tab-" + UUID.randomUUID().toString().substring(0, 8);
    adminApi().post("/api/v1/users", new JsonObject().put("username", other).put("password", other + "-password")
        .put("roles", new JsonArray().add("agent")));
    signIn();
    String text = "Two tabs, one cookie " + UUID.randomUUID();
    ingest(mention(text));
    String caseId = waitForRow(text).getDomAttribute("data-case-id");
    openCase(caseId);
    // What another tab's sign-in does to this one: the shared cookie jar now holds the other session.
    replaceSessionCookie(new io.earshot.testing.ApiClient(hub.baseUrl(), hub.ingestToken())
        .login(other, other + "-password").sessionCookie());
    wait.until(ExpectedConditions.elementToBeClickable(testId("case-claim"))).click();
    wait.until(ExpectedConditions.textToBe(testId("user-name"), other));
    // The notice follows once the page has been rebuilt for the other user.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("session-notice"), "Signed in as " + other));
    assertEquals(null, caseOnServer(caseId).getString("assignee"), "nothing was done in admin's name");
    wait.until(ExpectedConditions.elementToBeClickable(testId("case-claim"))).click();
    wait.until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to you"));
    assertEquals(other, caseOnServer(caseId).getString("assignee"));
  }

  @Test
  @DisplayName("when the session is signed out elsewhere, the page's live feed is closed and it asks to sign in again within 5 s")
  void signedOutElsewhere() throws Exception {
    signIn();
    String cookie = "earshot_session=" + driver.manage().getCookieNamed("earshot_session").getValue();
    HttpResponse<String> who = http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/session"))
        .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    String csrf = new JsonObject(who.body()).getString("csrfToken");
    HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/session"))
        .header("Cookie", cookie).header("Origin", hub.baseUrl()).header("X-CSRF-Token", csrf).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(204, out.statusCode(), out.body());
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
    assertEquals("Your session has ended. Please sign in again.", driver.findElement(testId("login-error")).getText());
  }

  private void signIn() {
    driver.get(hub.baseUrl() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-username")))
        .sendKeys("admin");
    driver.findElement(testId("login-password")).sendKeys(hub.adminPassword());
    driver.findElement(testId("login-submit")).click();
    // Wait for the live feed, so what the tests ingest next must arrive as an event.
    wait.until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
  }

  private void openCase(String caseId) {
    By sameRow = By.cssSelector("[data-testid=case-row][data-case-id='" + caseId + "']");
    wait.until(d -> {
      d.findElement(sameRow).click();
      return true;
    });
    wait.until(d -> {
      List<WebElement> subject = d.findElements(testId("case-subject"));
      List<WebElement> selected = d.findElements(
          By.cssSelector("[data-testid=case-row].selected[data-case-id='" + caseId + "']"));
      return !subject.isEmpty() && !selected.isEmpty();
    });
  }

  private WebElement waitForRow(String text) {
    return wait.until(d -> d.findElements(testId("case-row")).stream()
        .filter(r -> text.equals(r.findElement(testId("case-text")).getDomProperty("textContent")))
        .findFirst().orElse(null));
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

  private void replaceSessionCookie(String cookie) {
    String value = cookie.substring(cookie.indexOf('=') + 1);
    driver.manage().deleteCookieNamed("earshot_session");
    driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder("earshot_session", value).path("/")
        .isHttpOnly(true).sameSite("Strict").build());
  }

  private static io.earshot.testing.ApiClient adminApi() {
    return new io.earshot.testing.ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
  }

  private static JsonObject caseOnServer(String caseId) {
    return adminApi().get("/api/v1/cases/" + caseId).json().getJsonObject("case");
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

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  private void keepScreenshot(String name) {
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Path dir = Path.of("target", "browser-it");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (RuntimeException | IOException e) {
      // a screenshot is a debugging aid; never let it hide the test's own outcome
    }
  }
}
