package io.earshot.web;

import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Two agents in two separate Chromium sessions on one case: presence, the collision warning, the
 * assign menu and "Take over" asking first.
 */
@DisplayName("two agents on one case, in real browsers")
class AssignBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  @DisplayName("A claims and types, B sees 'ann is typing' and is warned before sending; A assigns the case to B, who sees it live; taking over asks")
  void twoAgents() throws Exception {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
         Browser a = new Browser(WAIT); Browser b = new Browser(WAIT)) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      Team.person(hub, admin, "ann", "agent");
      Team.person(hub, admin, "bob", "agent");
      String text = "@ForkfulEats my salad has no dressing " + UUID.randomUUID();
      sandbox.postMention("salad_customer", text);
      String caseId = Team.awaitCase(admin);
      a.signIn(hub.baseUrl(), "ann", "ann-password-1");
      b.signIn(hub.baseUrl(), "bob", "bob-password-1");
      try {
        open(a, text);
        a.click(testId("case-claim"));
        a.waiting().until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to you"));
        a.await(testId("reply-text")).sendKeys("Working on it");
        open(b, text);
        b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("case-presence"), "ann is typing"));
        b.waiting().until(d -> b.row(text).findElement(testId("row-presence")).getText().contains("ann is"));
        warnedBeforeSending(b, admin, caseId);
        new Select(a.await(testId("case-assign"))).selectByValue("user:bob");
        b.waiting().until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to you"));
        a.waiting().until(ExpectedConditions.textToBe(testId("case-assignee"), "Assigned to bob"));
        a.click(testId("case-claim"));
        assertTrue(a.await(testId("confirm-text")).getText().contains("bob has this case"), "taking over asks first");
        a.driver().findElement(testId("confirm-cancel")).click();
        assertEquals("bob", assignee(admin, caseId), "cancelled: bob keeps it");
      } finally {
        a.screenshot("assign-a");
        b.screenshot("assign-b");
      }
    }
  }

  private static void open(Browser browser, String text) {
    browser.waiting().until(d -> browser.row(text) != null);
    browser.row(text).click();
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("thread-text"), "salad"));
  }

  /** B's send is stopped by a dialog naming ann; cancel sends nothing, confirm sends it. */
  private static void warnedBeforeSending(Browser b, ApiClient admin, String caseId) {
    b.await(testId("reply-text")).sendKeys("Sorry, a dressing is on its way");
    b.waiting().until(ExpectedConditions.elementToBeClickable(testId("reply-send"))).click();
    WebElement question = b.await(testId("confirm-text"));
    assertTrue(question.getText().contains("ann"), question.getText());
    b.driver().findElement(testId("confirm-cancel")).click();
    assertEquals(0, replies(admin, caseId), "nothing was sent while B cancelled");
    b.waiting().until(ExpectedConditions.elementToBeClickable(testId("reply-send"))).click();
    b.await(testId("confirm-ok")).click();
    b.waiting().until(d -> replies(admin, caseId) == 1);
    b.await(testId("reply-state"));
  }

  private static long replies(ApiClient admin, String caseId) {
    return admin.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream()
        .filter(o -> "reply".equals(((JsonObject) o).getString("kind"))).count();
  }

  private static String assignee(ApiClient admin, String caseId) {
    return admin.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("assignee");
  }
}
