package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An admin runs the team from the dashboard: Teams, Routing and Tags, and what agents then get. */
@DisplayName("Teams, routing and tags pages in the browser")
class TeamAdminBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(25);

  @Test
  @DisplayName("an admin makes a team of two agents, routes the brand by least load with capacities and edits the tags; "
      + "a new case goes to one of them, who tags it from the list and sees none of the admin pages")
  void adminRunsTheTeam() throws Exception {
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_ROUTING_INTERVAL_MS", "200"));
         Browser admin = new Browser(WAIT)) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      for (String name : List.of("ann", "bob")) {
        Team.person(hub, api, name, "agent").patch("/api/v1/users/" + name, new JsonObject().put("availability", "available"));
      }
      Team.person(hub, api, "dora", "agent");
      admin.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      try {
        teams(admin, api);
        routing(admin, api);
        tags(admin, api);
        admin.click(testId("view-routing")); // open while the case arrives: its load changes live
        admin.await(testId("agent-load"));
        api.ingest(new JsonArray().add(mention("team-admin-1", "team-admin-author", "@brand my refund never came")));
        String caseId = Team.awaitCase(api);
        String[] assignee = new String[1];
        assertTrue(eventually(WAIT, () -> (assignee[0] = assignee(api, caseId)) != null && List.of("ann", "bob").contains(assignee[0])),
            "auto-assigned to a team member");
        admin.waiting().until(d -> agentRow(admin, assignee[0]).findElement(testId("agent-load")).getText().startsWith("1 /"));
        agentTags(hub, assignee[0], api, caseId);
      } finally {
        admin.screenshot("team-admin");
      }
    }
  }

  /** A bad name and a member disabled meanwhile are refused beside their fields; then a team is made, another deleted. */
  private static void teams(Browser admin, ApiClient api) {
    admin.click(testId("view-teams"));
    admin.await(testId("team-new-name")).sendKeys("x");
    admin.click(testId("team-create-submit"));
    assertTrue(admin.await(testId("team-name-error")).getText().contains("2-64"));
    api.patch("/api/v1/users/dora", new JsonObject().put("disabled", true));
    WebElement name = admin.await(testId("team-new-name"));
    name.clear();
    name.sendKeys("night");
    tick(admin.await(testId("team-create")), "dora");
    admin.click(testId("team-create-submit"));
    assertTrue(admin.await(testId("team-members-error")).getText().contains("dora"), "422 names members");
    admin.driver().navigate().refresh();
    admin.waiting().until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
    admin.click(testId("view-teams"));
    create(admin, "shift-a", "ann", "bob");
    create(admin, "spare", "ann");
    teamRow(admin, "spare").findElement(testId("team-delete")).click();
    assertTrue(admin.await(testId("confirm-text")).getText().contains("spare"));
    admin.click(testId("confirm-ok"));
    admin.waiting().until(d -> teamRow(admin, "spare") == null);
    JsonArray all = api.get("/api/v1/teams").json().getJsonArray("items");
    assertEquals(1, all.size());
    assertEquals(new JsonArray().add("ann").add("bob"), all.getJsonObject(0).getJsonArray("members"));
  }

  private static void create(Browser admin, String team, String... members) {
    WebElement name = admin.await(testId("team-new-name"));
    name.clear();
    name.sendKeys(team);
    for (String m : members) {
      tick(admin.await(testId("team-create")), m);
    }
    admin.click(testId("team-create-submit"));
    admin.waiting().until(d -> teamRow(admin, team) != null
        && teamRow(admin, team).findElement(testId("team-member-list")).getText().equals(String.join(", ", members)));
  }

  /** The default brand goes to least load; ann may hold 2 cases, bob 3 (set beside each agent). */
  private static void routing(Browser admin, ApiClient api) {
    admin.click(testId("view-routing"));
    WebElement brand = admin.await(By.cssSelector("[data-testid=routing-brand][data-brand=default]"));
    new Select(brand.findElement(testId("routing-mode"))).selectByValue("least_load");
    capacity(admin, "ann", "2");
    capacity(admin, "bob", "3");
    admin.click(testId("routing-save"));
    admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("routing-notice"), "Saved as version"));
    JsonObject policy = api.get("/api/v1/policies/routing").json().getJsonObject("brands").getJsonObject("default");
    assertEquals("least_load", policy.getString("mode"));
    assertEquals(2, user(api, "ann").getInteger("capacity"));
    assertEquals(3, user(api, "bob").getInteger("capacity"));
  }

  private static void capacity(Browser admin, String username, String value) {
    WebElement field = agentRow(admin, username).findElement(testId("agent-capacity"));
    field.clear();
    field.sendKeys(value);
    agentRow(admin, username).findElement(testId("agent-save")).click();
    admin.waiting().until(d -> value.equals(agentRow(admin, username).findElement(testId("agent-capacity")).getDomProperty("value"))
        && agentRow(admin, username).findElement(testId("agent-load")).getText().endsWith("/ " + value));
  }

  /** Two tags added and saved; one renamed, the other removed; a bad name is refused beside its row. */
  private static void tags(Browser admin, ApiClient api) {
    admin.click(testId("view-tags"));
    for (String tag : List.of("refund", "spam-ish")) {
      admin.click(testId("tag-def-add"));
      List<WebElement> names = admin.driver().findElements(testId("tag-def-name"));
      names.get(names.size() - 1).sendKeys(tag);
    }
    admin.click(testId("tags-save"));
    admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("tags-notice"), "Saved 2 tags"));
    WebElement first = admin.driver().findElements(testId("tag-def-name")).get(0);
    first.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Bad Name!");
    admin.click(testId("tags-save"));
    WebElement refused = admin.await(By.cssSelector("[data-error-for='tags[0].name']"));
    assertFalse(refused.getText().isBlank());
    first.sendKeys(Keys.chord(Keys.CONTROL, "a"), "refund-asked");
    admin.driver().findElements(testId("tag-def-remove")).get(1).click();
    admin.click(testId("tags-save"));
    admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("tags-notice"), "Saved 1 tags"));
    JsonArray defined = api.get("/api/v1/tags").json().getJsonArray("items");
    assertEquals(1, defined.size());
    assertEquals("refund-asked", defined.getJsonObject(0).getString("name"));
  }

  /** The assignee is offered the defined tag on the case, adds it, and has no admin page buttons. */
  private static void agentTags(TestHub hub, String agent, ApiClient api, String caseId) throws Exception {
    try (Browser b = new Browser(WAIT)) {
      b.signIn(hub.baseUrl(), agent, agent + "-password-1");
      for (String page : List.of("view-teams", "view-routing", "view-tags")) {
        assertFalse(b.driver().findElement(testId(page)).isDisplayed(), page + " is not shown to an agent");
      }
      b.waiting().until(d -> b.row("@brand my refund never came") != null);
      b.row("@brand my refund never came").click();
      WebElement input = b.await(testId("tag-input"));
      String offered = (String) b.js("return [...document.querySelectorAll('#defined-tags option')].map(o => o.value).join(',')");
      assertEquals("refund-asked", offered, "the defined tag is offered");
      input.sendKeys("refund-asked");
      b.click(testId("tag-add"));
      b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("case-tags"), "refund-asked"));
      assertEquals(new JsonArray().add("refund-asked"),
          api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getJsonArray("tags"));
      b.screenshot("team-admin-agent");
    }
  }

  private static void tick(WebElement within, String member) {
    WebElement box = within.findElement(By.cssSelector("input[data-member='" + member + "']"));
    if (!box.isSelected()) {
      box.click();
    }
  }

  private static WebElement teamRow(Browser b, String team) {
    return b.driver().findElements(By.cssSelector("[data-testid=team-row][data-team='" + team + "']")).stream()
        .findFirst().orElse(null);
  }

  private static WebElement agentRow(Browser b, String username) {
    return b.await(By.cssSelector("[data-testid=agent-row][data-username='" + username + "']"));
  }

  private static JsonObject user(ApiClient api, String username) {
    return api.get("/api/v1/users").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(u -> username.equals(u.getString("username"))).findFirst().orElseThrow();
  }

  private static String assignee(ApiClient api, String caseId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("assignee");
  }
}
