package io.earshot.problem;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * An agent in Chromium sees a spike alert arrive live, creates the Problem from it, links a
 * suggested look-alike case and resolves the Problem, which resolves its cases.
 */
@DisplayName("Problems in the browser")
class ProblemsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Clicks the first element with the test id, again if a live re-render replaced it meanwhile. */
  private static void click(Browser b, String testId) {
    b.waiting().ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class).until(d -> {
      d.findElement(testId(testId)).click();
      return true;
    });
  }

  @Test
  @DisplayName("alert live → Create Problem → link a suggestion → resolve: the cases are resolved")
  void alertToResolution() throws Exception {
    try (TestHub hub = TestHub.start(); Browser agent = new Browser(WAIT)) {
      Team team = Team.of(hub);
      assertEquals(201, team.admin().post("/api/v1/departments", new JsonObject().put("id", "billing")
          .put("name", "Billing").put("contact", "billing@example.com")).status());
      // Small thresholds, so a short burst alerts; it is judged by when the posts were written.
      assertEquals(200, team.admin().put("/api/v1/policies/detection", new JsonObject().put("defaults",
          new JsonObject().put("minCount", 4).put("persistSeconds", 3))).status());
      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      agent.await(testId("view-problems"));

      Instant now = Instant.now();
      JsonArray burst = new JsonArray();
      for (int i = 0; i < 6; i++) {
        burst.add(ApiClient.mention("br-" + i, "br-cust-" + i, "I was charged twice for my subscription, number " + i)
            .put("createdAt", now.minusSeconds(12 - 2L * i).toString()));
      }
      assertEquals(202, hub.api().ingest(burst).status());
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
      agent.waiting().until(d -> d.findElements(testId("problem-case")).size() == 6);
      assertTrue(agent.await(testId("problem-owner")).getText().contains("billing@example.com"));

      JsonObject later = ApiClient.mention("br-late", "br-cust-late", "Charged twice for the subscription here too");
      assertEquals(202, hub.api().ingest(new JsonArray().add(later)).status());
      assertTrue(eventually(WAIT, () -> !team.agent().get("/api/v1/cases?limit=50").json().getJsonArray("items").stream()
          .filter(c -> ((JsonObject) c).getString("lastText").contains("here too")).toList().isEmpty()));
      agent.await(testId("view-problems")).click();
      click(agent, "problem-row");
      click(agent, "suggestion-accept");
      agent.waiting().until(d -> d.findElements(testId("problem-case")).size() == 7);

      agent.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
        d.findElement(testId("problem-status-select")).sendKeys("resolved");
        d.findElement(testId("problem-apply")).click();
        return true;
      });
      agent.waiting().until(d -> d.findElement(testId("problem-status")).getText().equals("resolved"));
      String problemId = team.agent().get("/api/v1/problems").json().getJsonArray("items").getJsonObject(0).getString("id");
      List<Object> caseIds = team.agent().get("/api/v1/problems/" + problemId).json().getJsonArray("caseIds").getList();
      assertEquals(7, caseIds.size());
      // The page shows "resolved" as soon as the Problem is stored (told live); its cases follow.
      assertTrue(eventually(WAIT, () -> caseIds.stream().allMatch(id -> "resolved".equals(team.agent()
          .get("/api/v1/cases/" + id).json().getJsonObject("case").getString("status")))), "every linked case resolved");

      // A Problem opened elsewhere joins the list live; a reload still offers the "it's fixed" broadcast.
      assertEquals(201, team.manager().post("/api/v1/problems", new JsonObject().put("title", "Checkout times out")
          .put("department", "billing")).status());
      agent.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(testId("problem-row"))
          .stream().anyMatch(r -> r.getText().contains("Checkout times out")));
      agent.driver().navigate().refresh();
      agent.await(testId("view-problems")).click();
      agent.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
        for (WebElement row : d.findElements(testId("problem-row"))) {
          if (row.getText().contains("· resolved ·")) {
            row.findElement(By.tagName("button")).click();
            return true;
          }
        }
        return false;
      });
      agent.await(By.cssSelector("[data-testid='problem-offer'][data-kind='fixed']"));
    }
  }
}
