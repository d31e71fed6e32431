package io.earshot.problem;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole Problem story through the dashboard, on the sandbox platform: a spike of customer
 * posts raises an alert live; the agent makes a Problem of it with its cases; confirming the
 * cause offers the "we know about it" broadcast, which the agent sends for approval from the
 * Problem page and a manager approves in another browser, so every customer gets a personal
 * notice; resolving the Problem from the page offers the "it's fixed" broadcast, sent the same
 * way; the linked cases are resolved, and the Problem page shows what its posts and notices earned.
 */
@DisplayName("A Problem's whole story in two browsers")
class ProblemStoryBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> CUSTOMERS = List.of("story_ada", "story_bo", "story_cy", "story_di", "story_ed");
  // A reading every second of a post's first two minutes, so each round measures what was sent.
  private static final String EVERY_SECOND = IntStream.rangeClosed(1, 120).mapToObj(String::valueOf)
      .collect(Collectors.joining(","));

  @Test
  @DisplayName("spike → alert → Problem → 'we know' broadcast and notices → resolved → 'it's fixed' broadcast → cases resolved, engagement shown")
  void wholeStory() throws Exception {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString(),
             "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "1", "EARSHOT_ENGAGEMENT_SCHEDULE", EVERY_SECOND));
         Browser agent = new Browser(WAIT); Browser manager = new Browser(WAIT)) {
      Team team = Team.of(hub);
      assertEquals(201, team.admin().post("/api/v1/departments", new JsonObject().put("id", "billing")
          .put("name", "Billing").put("contact", "billing@example.com")).status());
      // The alert needs all five posts, so it names all five cases whichever poll brought them.
      assertEquals(200, team.admin().put("/api/v1/policies/detection", new JsonObject().put("defaults",
          new JsonObject().put("minCount", CUSTOMERS.size()).put("persistSeconds", 0))).status());
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      manager.signIn(hub.baseUrl(), "mia", "mia-password-1");
      manager.await(testId("view-approvals")).click();

      CUSTOMERS.forEach(c -> sandbox.postMention(c, "@ForkfulEats I was charged twice for my subscription, " + c));
      createProblemFromAlert(agent);
      agent.waiting().until(d -> d.findElements(testId("problem-case")).size() == CUSTOMERS.size());
      String problemId = team.agent().get("/api/v1/problems").json().getJsonArray("items").getJsonObject(0).getString("id");

      setStatus(agent, "identified");
      broadcastFromOffer(agent, "known");
      approve(manager, "we know about a problem");
      awaitNotices(agent, 0);
      JsonObject known = brandPost(sandbox, "we know about a problem");
      sandbox.react(known.getString("id"), 2, 1);

      setStatus(agent, "resolved");
      broadcastFromOffer(agent, "fixed");
      approve(manager, "Fixed:");
      awaitNotices(agent, 1);
      assertEquals(2 * (CUSTOMERS.size() + 1), sandbox.brandPosts().size(), "two posts and five notices each, once");
      for (String c : CUSTOMERS) {
        assertEquals(2, sandbox.brandPosts().stream().map(o -> (JsonObject) o)
            .filter(p -> p.getString("text").startsWith("@" + c + " ")).count(), c + " told twice: known, then fixed");
      }
      sandbox.react(brandPost(sandbox, "@story_ada good news").getString("id"), 1, 0);

      List<Object> caseIds = team.agent().get("/api/v1/problems/" + problemId).json().getJsonArray("caseIds").getList();
      assertTrue(eventually(WAIT, () -> caseIds.stream().allMatch(id -> "resolved".equals(team.agent()
          .get("/api/v1/cases/" + id).json().getJsonObject("case").getString("status")))), "every linked case resolved");
      agent.waiting().until(d -> d.findElement(testId("problem-engagement")).getText().equals("Engagement: ♥ 3 ↻ 1 ↩ 0"));
      agent.screenshot("problem-story");
    }
  }

  private static void createProblemFromAlert(Browser agent) {
    // Other alerts (the burst's sentiment fall) may arrive live meanwhile and re-render the banner.
    agent.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      for (WebElement alert : d.findElements(testId("alert"))) {
        if (alert.getText().contains("billing")) {
          alert.findElement(testId("alert-create-problem")).click();
          return true;
        }
      }
      return false;
    });
  }

  /** Picks the status and applies it, again if a live re-render replaced the form meanwhile. */
  private static void setStatus(Browser agent, String status) {
    agent.waiting().ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class).until(d -> {
      new Select(d.findElement(testId("problem-status-select"))).selectByValue(status);
      d.findElement(testId("problem-apply")).click();
      return true;
    });
    agent.waiting().until(d -> d.findElement(testId("problem-status")).getText().equals(status));
  }

  /** Opens the offered broadcast on the Problem page, picks the sandbox account and sends it for approval. */
  private static void broadcastFromOffer(Browser agent, String kind) {
    String offer = "[data-testid='problem-offer'][data-kind='" + kind + "'] ";
    agent.click(By.cssSelector(offer + "[data-testid='problem-offer-compose']"));
    agent.click(By.cssSelector(offer + "[data-testid='broadcast-account-choice']"));
    agent.waiting().until(d -> d.findElement(By.cssSelector(offer + "[data-testid='broadcast-problem']"))
        .getDomProperty("value").length() > 0);
    agent.waiting().until(d -> !d.findElements(By.cssSelector(offer + "[data-testid='broadcast-preview-notice']")).isEmpty());
    String notice = agent.driver().findElement(By.cssSelector(offer + "[data-testid='broadcast-preview-notice']")).getText();
    assertTrue(notice.startsWith(CUSTOMERS.size() + " customers;"), notice);
    agent.click(By.cssSelector(offer + "[data-testid='broadcast-submit']"));
    agent.waiting().until(d -> d.findElement(By.cssSelector(offer + "[data-testid='problem-offer-result']")).getText()
        .startsWith("Broadcast pending approval"));
  }

  /** The manager approves the held broadcast whose text contains {@code words}. */
  private static void approve(Browser manager, String words) {
    manager.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      for (WebElement item : d.findElements(testId("approval-item"))) {
        if (!item.findElements(testId("approval-kind")).isEmpty()
            && item.findElement(testId("approval-text")).getDomProperty("value").contains(words)) {
          item.findElement(testId("approval-approve")).click();
          return true;
        }
      }
      return false;
    });
  }

  /** The Problem page shows the {@code index}th broadcast sent with a notice to every customer. */
  private static void awaitNotices(Browser agent, int index) {
    String done = "notices: " + CUSTOMERS.size() + " sent · 0 queued · 0 failed of " + CUSTOMERS.size();
    agent.waiting().ignoring(IndexOutOfBoundsException.class).until(d -> {
      WebElement b = d.findElements(testId("problem-broadcast")).get(index);
      return "sent".equals(b.getDomAttribute("data-state"))
          && b.findElement(testId("problem-broadcast-notices")).getText().startsWith(done);
    });
  }

  private static JsonObject brandPost(SandboxClient sandbox, String words) {
    return sandbox.brandPosts().stream().map(o -> (JsonObject) o).filter(p -> p.getString("text").contains(words))
        .findFirst().orElseThrow(() -> new AssertionError("no brand post with “" + words + "”"));
  }
}
