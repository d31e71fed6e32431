package io.earshot.broadcast;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.Browser;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent composes a broadcast about a Problem in Chromium (template, live filled preview with
 * the platform's length, notify affected customers), a brand manager approves it in another
 * browser, and the agent watches its posts and notices arrive on the broadcast's page.
 */
@DisplayName("Broadcasts in two browsers")
class BroadcastsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @DisplayName("composed with a live preview, approved by the manager, its progress reaches the agent's page")
  void composeApproveWatch() throws Exception {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
         Browser agent = new Browser(WAIT); Browser manager = new Browser(WAIT)) {
      Team team = Team.of(hub);
      List<String> handles = List.of("web_dee", "web_eli");
      handles.forEach(h -> sandbox.postMention(h, "@ForkfulEats the map does not load"));
      String problem = new ProblemFixture(hub).create("Maps do not load", "A fix is live since 10:40.",
          ProblemFixture.casesOf(team.agent(), handles));
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      manager.signIn(hub.baseUrl(), "mia", "mia-password-1");

      agent.await(testId("view-broadcasts")).click();
      agent.await(testId("broadcast-account-choice")).click();
      new Select(agent.await(testId("broadcast-template"))).selectByValue("fix-announcement");
      agent.await(testId("broadcast-problem")).sendKeys(problem);
      agent.await(testId("broadcast-notify")).click();
      String preview = agent.read(testId("broadcast-preview-text"), e -> e.getText().contains("Maps do not load"),
          WebElement::getText);
      assertTrue(preview.startsWith("Fixed: Maps do not load."), preview);
      String length = agent.await(testId("broadcast-preview-length")).getText();
      assertTrue(length.matches("sandbox: \\d+/500"), length);
      assertTrue(agent.await(testId("broadcast-preview-notice")).getText().startsWith("2 customers; e.g. “@web_dee"));
      agent.await(testId("broadcast-submit")).click();
      agent.waiting().until(d -> "pending approval".equals(d.findElement(testId("broadcast-page-state")).getText()));

      manager.await(testId("view-approvals")).click();
      String proposed = manager.read(testId("approval-item"), e -> !e.findElements(testId("approval-kind")).isEmpty(),
          e -> e.findElement(testId("approval-text")).getDomProperty("value"));
      assertTrue(proposed.contains("Maps do not load"), proposed);
      manager.click(By.cssSelector("[data-testid='approval-item']:has([data-testid='approval-kind']) [data-testid='approval-approve']"));

      agent.waiting().until(d -> "sent".equals(d.findElement(testId("broadcast-page-state")).getText()));
      agent.waiting().until(d -> d.findElement(testId("broadcast-notices")).getText()
          .equals("Notices: 2 sent · 0 queued · 0 failed of 2"));
      assertEquals("post sent", agent.await(testId("broadcast-post-state")).getText());
      assertTrue(eventually(WAIT, () -> sandbox.brandPosts().stream().map(o -> (JsonObject) o)
          .filter(p -> p.getString("text").startsWith("@web_")).count() == 2), "both customers told");
      agent.screenshot("broadcast-page");
    }
  }
}
