package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.store.MongoStore;
import io.earshot.testing.Browser;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent and a brand manager, each in their own Chromium, work one held reply: the agent sees
 * why it waits, the manager sees it arrive live, edits and approves it; it is published once with
 * the edited text and the agent sees the outcome live. A rejected one never reaches the platform.
 */
@DisplayName("Approvals in two browsers")
class ApprovalsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(25);

  @Test
  @DisplayName("held by 'refund', edited and approved live by the manager, published once; a rejection reaches the agent with its reason")
  void agentAndManager() throws Exception {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
         Browser agent = new Browser(WAIT); Browser manager = new Browser(WAIT)) {
      Team team = Team.of(hub);
      sandbox.postMention("double_charged", "@ForkfulEats I was charged twice for order 4411");
      String caseId = Team.awaitCase(team.agent());
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      manager.signIn(hub.baseUrl(), "mia", "mia-password-1");
      manager.await(testId("view-approvals")).click();
      manager.await(testId("approval-empty"));
      manager.js("window.__samePage = true;");

      String draft = "So sorry! We will refund the second charge.";
      openCaseAndReply(agent, caseId, draft);
      WebElement line = agent.waiting().until(d -> replyPart(agent, draft, "reply-approval"));
      assertEquals("waiting for approval (rule: refund)", line.getText());

      WebElement item = manager.await(testId("approval-item"));
      assertTrue(item.findElement(testId("approval-context")).getText().contains("charged twice"), "in its case context");
      assertEquals("rule: refund", item.findElement(testId("approval-rule")).getText());
      String edited = "So sorry! The second charge for order 4411 is refunded today.";
      WebElement text = item.findElement(testId("approval-text"));
      text.clear();
      text.sendKeys(edited);
      item.findElement(testId("approval-approve")).click();
      manager.await(testId("approval-empty"));
      assertEquals(Boolean.TRUE, manager.js("return window.__samePage === true;"), "the queue changed live, no reload");

      assertTrue(eventually(WAIT, () -> sandbox.brandPosts().size() == 1), "published");
      assertEquals(edited, sandbox.brandPosts().getJsonObject(0).getString("text"));
      agent.waiting().until(d -> "sent".equals(replyState(agent, edited)));
      assertEquals("approved by mia with edits (rule: refund)", replyPart(agent, edited, "reply-approval").getText()
          .lines().findFirst().orElse(""));
      assertEquals("agent wrote: " + draft, replyPart(agent, edited, "reply-submitted-text").getText());
      assertTrue(eventually(WAIT, () -> auditActions(hub).containsAll(List.of("reply.submitted", "reply.approved", "reply.sent"))));

      String rude = "No refund for you, we are done here.";
      openCaseAndReply(agent, caseId, rude);
      // The first reply answered the same mention moments ago: the agent is asked, and sends anyway.
      agent.await(testId("confirm-ok")).click();
      // In one wait: a live re-render of the queue in between makes it type and click again.
      manager.waiting().until(d -> {
        WebElement second = d.findElements(testId("approval-item")).stream().findFirst().orElse(null);
        if (second == null) {
          return false;
        }
        WebElement reason = second.findElement(testId("approval-reason"));
        reason.clear();
        reason.sendKeys("Too harsh: offer help instead");
        second.findElement(testId("approval-reject")).click();
        return true;
      });
      agent.waiting().until(d -> "rejected".equals(replyState(agent, rude)));
      assertEquals("rejected by mia: Too harsh: offer help instead", replyPart(agent, rude, "reply-approval").getText());
      assertEquals(1, sandbox.brandPosts().size(), "the rejected reply never reached the platform");
    }
  }

  private static void openCaseAndReply(Browser b, String caseId, String text) {
    b.openCase(caseId);
    WebElement composer = b.await(testId("reply-text"));
    composer.sendKeys(text);
    b.waiting().until(ExpectedConditions.elementToBeClickable(testId("reply-send"))).click();
  }

  private static WebElement replyItem(Browser b, String text) {
    return b.driver().findElements(By.cssSelector("[data-testid=thread-item][data-kind=reply]")).stream()
        .filter(li -> text.equals(li.findElement(testId("thread-text")).getText())).findFirst().orElse(null);
  }

  private static WebElement replyPart(Browser b, String text, String part) {
    WebElement item = replyItem(b, text);
    return item == null || item.findElements(testId(part)).isEmpty() ? null : item.findElement(testId(part));
  }

  private static String replyState(Browser b, String text) {
    WebElement item = replyItem(b, text);
    return item == null ? null : item.getDomAttribute("data-state");
  }

  private static List<String> auditActions(TestHub hub) {
    MongoStore mongo = hub.hub().mongo();
    return mongo.run(() -> mongo.collection(MongoStore.AUDIT).find(Filters.regex("target", "^reply:"))
        .map(d -> d.getString("action")).into(new ArrayList<>())).await();
  }
}
