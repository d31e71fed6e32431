package io.earshot.web;

import static io.earshot.testing.ApiClient.mention;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.AuditLog;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin pages in Chromium: people (disabling someone signs them out everywhere) and the audit log. */
@DisplayName("Admin pages in the browser")
class AdminBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(25);
  private static final String HOSTILE_ACTOR = "<img src=x onerror=\"window.__pwned=1\">";
  private static final String HOSTILE_DETAIL = "</td><script>window.__pwned=2</script><b>bold</b>";
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("an admin disables a user in the People page: that user's next request answers 401 and their open page shows sign-in")
  void disableSignsOut() throws Exception {
    ApiClient ann = team.agent();
    String token = ann.post("/api/v1/tokens", new JsonObject()).json().getString("token");
    ApiClient script = new ApiClient(hub.baseUrl(), hub.ingestToken());
    try (Browser admin = new Browser(WAIT); Browser agent = new Browser(WAIT)) {
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      admin.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      assertEquals(200, ann.get("/api/v1/cases").status());
      admin.await(testId("view-people")).click();
      WebElement row = annRow(admin);
      assertEquals("active", row.findElement(testId("people-status")).getText());
      row.findElement(testId("people-toggle")).click();
      admin.waiting().until(d -> "disabled".equals(annRow(admin).findElement(testId("people-status")).getText()));

      assertEquals(401, ann.get("/api/v1/cases").status(), "the user's next request");
      assertEquals(401, script.raw("GET", "/api/v1/cases", null,
          java.util.Map.of("Authorization", "Bearer " + token)).status(), "their API token too");
      agent.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
      assertTrue(agent.driver().findElement(testId("login-error")).getText().contains("session has ended"));
      assertEquals(401, fresh().post("/api/v1/session", new JsonObject().put("username", "ann")
          .put("password", "ann-password-1")).status(), "cannot sign in again");
    }
  }

  @Test
  @DisplayName("the People page adds a person with roles, changes their roles and display name; the hub's refusal is shown")
  void addAndChangeRoles() throws Exception {
    try (Browser admin = new Browser(WAIT)) {
      admin.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      admin.await(testId("view-people")).click();
      admin.await(testId("people-new-username")).sendKeys("pat-people");
      admin.driver().findElement(testId("people-new-password")).sendKeys("short");
      admin.driver().findElement(testId("people-create-submit")).click();
      assertTrue(admin.await(testId("people-error")).getText().startsWith("password"), "too short: named");
      admin.driver().findElement(testId("people-new-password")).sendKeys("-but-now-long-enough");
      admin.driver().findElement(testId("people-create-submit")).click();
      WebElement row = admin.waiting().until(d -> rowOf(admin, "pat-people"));
      row.findElement(By.cssSelector("[data-testid=people-roles] input[data-role=manager]")).click();
      row.findElement(testId("people-save-roles")).click();
      admin.waiting().until(d -> {
        JsonObject pat = person("pat-people");
        return pat.getJsonArray("roles").equals(new JsonArray().add("agent").add("manager"));
      });
      assertEquals(200, fresh().login("pat-people", "short-but-now-long-enough").get("/api/v1/session").status());
      WebElement again = rowOf(admin, "pat-people");
      again.findElement(testId("people-display-name")).sendKeys("Pat <b>People</b>");
      again.findElement(testId("people-save-name")).click();
      admin.waiting().until(d -> "pat-people: display name saved.".equals(
          d.findElement(testId("people-notice")).getText()));
      assertEquals("Pat <b>People</b>", person("pat-people").getString("displayName"));
    }
  }

  @Test
  @DisplayName("after an admin resets a password the user signs in to a \"choose a new password\" form, and continues into the app")
  void resetPasswordForm() throws Exception {
    assertEquals(201, team.admin().post("/api/v1/users", new JsonObject().put("username", "rex-reset")
        .put("password", "rex-reset-password").put("roles", new JsonArray().add("agent"))).status());
    assertEquals(200, team.admin().patch("/api/v1/users/rex-reset", new JsonObject()
        .put("password", "set-by-the-admin")).status());
    try (Browser rex = new Browser(WAIT)) {
      rex.driver().get(hub.baseUrl() + "/");
      rex.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("login-username"))).sendKeys("rex-reset");
      rex.driver().findElement(testId("login-password")).sendKeys("set-by-the-admin");
      rex.driver().findElement(testId("login-submit")).click();
      rex.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("password-change-form")));
      assertTrue(rex.driver().findElement(By.id("app")).getDomProperty("hidden").equals("true"), "the app stays closed");
      rex.driver().findElement(testId("pw-current")).sendKeys("set-by-the-admin");
      rex.driver().findElement(testId("pw-new")).sendKeys("set-by-the-admin");
      rex.driver().findElement(testId("pw-submit")).click();
      assertTrue(rex.await(testId("pw-error")).getText().startsWith("password"), "the hub's refusal is shown");
      rex.driver().findElement(testId("pw-new")).clear();
      rex.driver().findElement(testId("pw-new")).sendKeys("rex-chose-this-one");
      rex.driver().findElement(testId("pw-submit")).click();
      rex.waiting().until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
      assertEquals("rex-reset", rex.driver().findElement(By.id("user-name")).getText());
      assertTrue(rex.driver().findElement(By.id("password-change")).getDomProperty("hidden").equals("true"));
    }
    assertEquals(200, fresh().login("rex-reset", "rex-chose-this-one").get("/api/v1/cases").status());
  }

  @Test
  @DisplayName("the audit page shows hostile actor and detail text literally, a change's before and after, and exports the same filters")
  void auditPage() throws Exception {
    new AuditLog(hub.hub().mongo()).recordAll(List.of(new AuditLog.Entry("hostile-1", Instant.now(), HOSTILE_ACTOR,
        "case.assigned", "case:hostile", HOSTILE_DETAIL, new JsonObject().put("from", "<i>a</i>").put("to", "b").encode())))
        .toCompletionStage().toCompletableFuture().join();
    team.admin().ingest(new JsonArray().add(mention("audit-page-1", "audit-page-author", "@brand still waiting")));
    String caseId = Team.awaitCase(team.admin());
    assertEquals(200, team.admin().patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "pending")).status());
    try (Browser admin = new Browser(WAIT)) {
      admin.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      admin.await(testId("view-audit")).click();
      admin.await(testId("audit-filter-object")).sendKeys("case:hostile");
      admin.driver().findElement(testId("audit-apply")).click();
      WebElement row = admin.waiting().until(d -> only(admin, "hostile-1"));
      assertEquals(HOSTILE_ACTOR, row.findElement(testId("audit-actor")).getText());
      assertEquals(HOSTILE_DETAIL, row.findElement(testId("audit-detail")).getText());
      assertEquals("<i>a</i> → b", row.findElement(testId("audit-change")).getText());
      assertTrue(admin.driver().findElements(By.cssSelector("[data-testid=audit-table] img, [data-testid=audit-table] script,"
          + " [data-testid=audit-table] b, [data-testid=audit-table] i")).isEmpty(), "no markup was made from text");
      assertNull(admin.js("return window.__pwned;"));
      String href = admin.driver().findElement(testId("audit-export")).getDomProperty("href");
      assertTrue(href.endsWith("/api/v1/audit/export.csv?object=case%3Ahostile"), href);

      WebElement object = admin.driver().findElement(testId("audit-filter-object"));
      object.clear();
      object.sendKeys("case:" + caseId);
      admin.driver().findElement(testId("audit-filter-action")).sendKeys("case.status_changed");
      admin.driver().findElement(testId("audit-apply")).click();
      String change = admin.waiting().until(d -> d.findElements(testId("audit-row")).size() == 1
          && d.findElement(testId("audit-action")).getText().equals("case.status_changed")
          ? d.findElement(testId("audit-change")).getText() : null);
      assertEquals("new → pending", change);
    }
  }

  private static WebElement only(Browser b, String id) {
    List<WebElement> rows = b.driver().findElements(testId("audit-row"));
    return rows.size() == 1 && id.equals(rows.get(0).getDomAttribute("data-id")) ? rows.get(0) : null;
  }

  private static WebElement annRow(Browser b) {
    return b.waiting().until(d -> rowOf(b, "ann"));
  }

  private static WebElement rowOf(Browser b, String username) {
    return b.driver().findElements(By.cssSelector("[data-testid=people-row][data-username='" + username + "']"))
        .stream().findFirst().orElse(null);
  }

  private static ApiClient fresh() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken());
  }

  private static JsonObject person(String username) {
    return team.admin().get("/api/v1/users").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(u -> username.equals(u.getString("username"))).findFirst().orElseThrow();
  }
}
