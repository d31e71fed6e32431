package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.Browser;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Saved replies and the keyboard in Chromium: an agent inserts a saved reply filled with the
 * customer's real name, edits it and sends the edited text; a manager previews one against a
 * customer with a hostile name; the `?` overlay, the command palette and the list's focus order.
 */
@DisplayName("Saved replies and shortcuts in a real browser")
class RepliesKeyboardBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(25);
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  @Test
  @DisplayName("a saved reply is inserted filled with the customer's real name, edited, and the edited text is what is sent")
  void savedReplyEditedAndSent() throws Exception {
    String templateId = team.manager().post("/api/v1/templates", new JsonObject().put("name", "Late order")
        .put("body", "Hi {{customer.firstName}}, sorry about {{case.reference}}.")).json().getString("id");
    String caseId = caseOf("tom_browser", "Tom & Jerry", "@ForkfulEats my order is very late");
    String reference = "#" + caseId.replace("-", "").substring(0, 8).toUpperCase();
    try (Browser agent = new Browser(WAIT)) {
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      agent.openCase(caseId);
      agent.waiting().until(ExpectedConditions.textToBe(testId("case-reference"), reference));
      agent.waiting().until(d -> new Select(d.findElement(testId("template-picker"))).getOptions().size() > 1);
      new Select(agent.driver().findElement(testId("template-picker"))).selectByValue(templateId);
      WebElement box = agent.await(testId("reply-text"));
      String filled = "Hi Tom, sorry about " + reference + ".";
      agent.waiting().until(d -> filled.equals(box.getDomProperty("value")));
      // The counter shows the filled text as the sandbox platform counts it (its limit is 500).
      agent.waiting().until(ExpectedConditions.textToBe(testId("reply-count"), filled.length() + " / 500"));
      assertTrue(agent.await(testId("template-note")).getText().contains("Late order"));
      agent.screenshot("saved-reply-inserted");
      box.sendKeys(Keys.END, " A courier is on the way.");
      String edited = filled + " A courier is on the way.";
      agent.waiting().until(ExpectedConditions.elementToBeClickable(testId("reply-send"))).click();
      assertTrue(eventually(WAIT, () -> sandbox.brandPosts().stream()
          .anyMatch(p -> edited.equals(((JsonObject) p).getString("text")))), () -> sandbox.brandPosts().encode());
      assertTrue(eventually(WAIT, () -> uses(templateId) == 1), "counted as a use of the saved reply");
    }
  }

  @Test
  @DisplayName("a manager's live preview fills a hostile customer name in as text")
  void adminPreviewHostileName() throws Exception {
    String hostile = "<script>window.__pwned=1</script>";
    caseOf("hostile_name", hostile, "@ForkfulEats hello there");
    try (Browser manager = new Browser(WAIT)) {
      manager.signIn(hub.baseUrl(), "mia", "mia-password-1");
      manager.await(testId("view-saved-replies")).click();
      manager.await(testId("saved-reply-new")).click();
      manager.await(testId("saved-reply-name")).sendKeys("Welcome");
      manager.waiting().until(d -> new Select(d.findElement(testId("saved-reply-case"))).getOptions().stream()
          .anyMatch(o -> o.getText().startsWith("@hostile_name")));
      Select cases = new Select(manager.driver().findElement(testId("saved-reply-case")));
      cases.getOptions().stream().filter(o -> o.getText().startsWith("@hostile_name")).findFirst().orElseThrow().click();
      manager.driver().findElement(testId("saved-reply-body")).sendKeys("Welcome {{customer.name}}!");
      WebElement preview = manager.await(testId("saved-reply-preview"));
      manager.waiting().until(d -> ("Welcome " + hostile + "!").equals(preview.getDomProperty("textContent")));
      assertTrue(preview.findElements(By.tagName("script")).isEmpty(), "text, not markup");
      assertNull(manager.js("return window.__pwned;"));
      manager.screenshot("saved-reply-admin-preview");
      manager.driver().findElement(testId("saved-reply-save")).click();
      manager.waiting().until(d -> d.findElements(testId("saved-reply-row-name")).stream()
          .anyMatch(n -> n.getText().equals("Welcome")));
    }
  }

  @Test
  @DisplayName("? lists every shortcut; Ctrl+K opens the palette and runs an action; Tab reaches the case actions from the list")
  void keyboard() throws Exception {
    String caseId = caseOf("keys_customer", "Kay Board", "@ForkfulEats a keyboard question");
    try (Browser agent = new Browser(WAIT)) {
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      agent.driver().findElement(By.tagName("body")).sendKeys("?");
      WebElement overlay = agent.await(testId("shortcuts-overlay"));
      String listed = overlay.getText();
      agent.screenshot("shortcuts-overlay");
      for (String label : List.of("Next case", "Previous case", "Open the focused case", "Reply", "Insert a saved reply",
          "Claim", "Assign", "Snooze", "Resolve", "Search", "Command palette")) {
        assertTrue(listed.contains(label), label + " in " + listed);
      }
      new Actions(agent.driver()).sendKeys(Keys.ESCAPE).perform();
      agent.waiting().until(ExpectedConditions.invisibilityOfElementLocated(testId("shortcuts-overlay")));

      agent.openCase(caseId);
      WebElement row = agent.driver().findElement(By.cssSelector("[data-testid=case-row][data-case-id='" + caseId + "']"));
      agent.waiting().until(d -> row.equals(d.switchTo().activeElement()));
      assertTrue(tabsToCaseActions(agent) <= 2, "Tab reaches the case's actions in at most two presses");

      new Actions(agent.driver()).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
      WebElement input = agent.await(testId("palette-input"));
      agent.waiting().until(d -> input.equals(d.switchTo().activeElement()));
      input.sendKeys("claim");
      agent.waiting().until(d -> d.findElements(testId("palette-item")).size() == 1);
      agent.screenshot("command-palette");
      input.sendKeys(Keys.ENTER);
      agent.waiting().until(ExpectedConditions.invisibilityOfElementLocated(testId("palette")));
      agent.waiting().until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to you"));
      assertTrue(eventually(WAIT, () -> "ann".equals(team.agent().get("/api/v1/cases/" + caseId).json()
          .getJsonObject("case").getString("assignee"))));
    }
  }

  /** Presses Tab from the focused row until focus is on a case action; how many presses it took (99: never). */
  private static int tabsToCaseActions(Browser b) {
    for (int presses = 1; presses <= 5; presses++) {
      b.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      if (Boolean.TRUE.equals(b.js("return !!document.activeElement.closest('.case-actions');"))) {
        return presses;
      }
    }
    return 99;
  }

  private static long uses(String templateId) {
    return new JsonArray(team.agent().get("/api/v1/templates").body()).stream().map(o -> (JsonObject) o)
        .filter(t -> templateId.equals(t.getString("id"))).findFirst().orElseThrow().getLong("uses");
  }

  /** The id of the case of customer {@code handle}, who posts {@code text} as {@code name}. */
  private static String caseOf(String handle, String name, String text) {
    sandbox.postMention(handle, name, text);
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      id[0] = team.agent().get("/api/v1/cases?limit=500").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(c -> handle.equals(c.getJsonObject("customer").getString("handle")))
          .map(c -> c.getString("id")).findFirst().orElse(null);
      return id[0] != null;
    }), "the case of @" + handle);
    return id[0];
  }
}
