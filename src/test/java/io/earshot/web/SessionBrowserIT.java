package io.earshot.web;

import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.BrowserPerTest;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard acts only as the user the hub says is signed in, in Debian's Chromium against a
 * real hub: a claim assigns the session's user, whatever the page thinks; another tab's sign-in
 * switches the page to that user; a session ended elsewhere sends the page back to the login form.
 */
@DisplayName("the dashboard's session in a real browser")
class SessionBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static TestHub hub;
  @RegisterExtension
  final BrowserPerTest browsers = new BrowserPerTest(WAIT);
  private Browser browser;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void startHub() {
    hub = TestHub.start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @BeforeEach
  void takeBrowser() {
    browser = browsers.browser();
    driver = browser.driver();
    wait = browser.waiting();
  }

  @Test
  @DisplayName("claiming a case assigns whoever the hub signed in, not a name the page sends; signing out ends the session")
  void claimAsServerKnownUser() throws Exception {
    browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
    String caseId = caseShown("Claim me please " + UUID.randomUUID());
    browser.openCase(caseId);
    wait.until(ExpectedConditions.elementToBeClickable(testId("case-claim"))).click();
    wait.until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to you"));
    assertEquals("admin", caseOnServer(caseId).getString("assignee"));

    String cookie = "earshot_session=" + driver.manage().getCookieNamed("earshot_session").getValue();
    driver.findElement(testId("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
    HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/session"))
        .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, after.statusCode(), "signing out (a DELETE with the CSRF token) ended the session on the server");
  }

  @Test
  @DisplayName("when another tab signs in as someone else, the page switches to that user instead of acting as the first")
  void secondTabSwitchesUser() throws Exception {
    String other = "tab-" + UUID.randomUUID().toString().substring(0, 8);
    adminApi().post("/api/v1/users", new JsonObject().put("username", other).put("password", other + "-password")
        .put("roles", new JsonArray().add("agent")));
    browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
    String caseId = caseShown("Two tabs, one cookie " + UUID.randomUUID());
    browser.openCase(caseId);
    // What another tab's sign-in does to this one: the shared cookie jar now holds the other session.
    replaceSessionCookie(new ApiClient(hub.baseUrl(), hub.ingestToken()).login(other, other + "-password").sessionCookie());
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
    browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
    String cookie = "earshot_session=" + driver.manage().getCookieNamed("earshot_session").getValue();
    HttpResponse<String> who = HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/session"))
        .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    String csrf = new JsonObject(who.body()).getString("csrfToken");
    HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/session"))
        .header("Cookie", cookie).header("Origin", hub.baseUrl()).header("X-CSRF-Token", csrf).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(204, out.statusCode(), out.body());
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
    assertEquals("Your session has ended. Please sign in again.", driver.findElement(testId("login-error")).getText());
  }

  /** Ingests a mention with this text and answers its case's id once its row is in the inbox. */
  private String caseShown(String text) {
    String id = UUID.randomUUID().toString();
    ApiClient.Response r = hub.api().ingest(new JsonArray().add(ApiClient.mention("it-" + id, "author-" + id, text)));
    assertEquals(202, r.status(), r.body());
    return wait.until(d -> browser.row(text)).getDomAttribute("data-case-id");
  }

  private void replaceSessionCookie(String cookie) {
    String value = cookie.substring(cookie.indexOf('=') + 1);
    driver.manage().deleteCookieNamed("earshot_session");
    driver.manage().addCookie(new Cookie.Builder("earshot_session", value).path("/").isHttpOnly(true)
        .sameSite("Strict").build());
  }

  private static ApiClient adminApi() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
  }

  private static JsonObject caseOnServer(String caseId) {
    return adminApi().get("/api/v1/cases/" + caseId).json().getJsonObject("case");
  }
}
