package io.earshot;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * A short SLA policy in Chromium: the agent's row counts down, the live warning and the live
 * breach arrive as alerts, and the admin edits the policy on its page (a refusal names its field).
 */
@DisplayName("SLA in the dashboard")
class SlaBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(25);

  @Test
  @DisplayName("a 1-minute target shows a countdown on the row and in the case, then a live warning and a live breach")
  void countdownAndAlerts() throws Exception {
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_SLA_WATCH_SECONDS", "1"));
         Browser agent = new Browser(WAIT); Browser admin = new Browser(WAIT)) {
      Team team = Team.of(hub);
      assertEquals(201, team.admin().post("/api/v1/brands", new JsonObject().put("id", "night").put("name", "Night")
          .put("handles", new JsonObject())).status());
      admin.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      admin.await(testId("view-sla")).click();
      admin.await(testId("sla-none"));
      WebElement editor = admin.await(testId("sla-editor"));
      editor.clear();
      editor.sendKeys(policy("9-17").encode());
      admin.await(testId("sla-save")).click();
      WebElement error = admin.await(testId("sla-error"));
      assertEquals("brands[0].hours.mon[0]", error.getDomAttribute("data-field"));
      editor.clear();
      editor.sendKeys(policy(null).encode());
      admin.await(testId("sla-save")).click();
      admin.waiting().until(d -> admin.await(testId("sla-saved")).getText().startsWith("Saved as version"));
      assertTrue(admin.await(testId("sla-brand")).getText().contains("always open"));
      assertEquals(2, admin.driver().findElements(testId("sla-brand")).size());

      agent.signIn(hub.baseUrl(), "ann", "ann-password-1");
      assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention("b1", "late", "is anyone there?")))
          .status());
      String warned = agent.read(testId("sla-alert"), a -> "warning".equals(a.getDomAttribute("data-kind")), WebElement::getText);
      assertTrue(warned.startsWith("SLA warning: first response for @handle_late"), warned);
      // The countdown rounds to the second: just after arrival the row may still read "1m 00s left".
      agent.waiting().until(d -> slaOf(agent, "is anyone there?").getText().matches("SLA 0m \\d\\ds left"));
      assertEquals("warning", slaOf(agent, "is anyone there?").getDomAttribute("data-state"));

      // A brand closed now: its first-response minute has not started, and the row says so.
      assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention("b2", "owl", "hello at night")
          .put("brand", "night"))).status());
      agent.waiting().until(d -> agent.row("hello at night") != null
          && "SLA 1m 00s left · after hours".equals(agent.row("hello at night").findElement(testId("case-sla")).getText()));

      agent.row("is anyone there?").click();
      assertTrue(agent.await(testId("case-sla-targets")).getText().contains("first response (1 min): due"));

      hub.hub().watchSlas(Instant.now().plus(Duration.ofSeconds(61))).await();
      String breached = agent.read(testId("sla-alert"), a -> "breached".equals(a.getDomAttribute("data-kind")), WebElement::getText);
      assertTrue(breached.startsWith("SLA breached: first response"), breached);
      agent.waiting().until(d -> "breached".equals(slaOf(agent, "is anyone there?").getDomAttribute("data-state")));
      assertTrue(slaOf(agent, "is anyone there?").getText().startsWith("SLA breached"));
      agent.screenshot("sla-breached");
    }
  }

  private static WebElement slaOf(Browser b, String text) {
    return b.row(text).findElement(testId("case-sla"));
  }

  /** The default brand always open (or with {@code span} on Mondays); the night brand open only two days ahead. */
  private static JsonObject policy(String span) {
    JsonArray band = new JsonArray().add(new JsonObject().put("name", "fast").put("minPriority", 0)
        .put("firstResponseMinutes", 1));
    JsonObject brand = new JsonObject().put("brand", "default").put("bands", band);
    if (span != null) {
      brand.put("hours", new JsonObject().put("mon", new JsonArray().add(span)));
    }
    String[] days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    String later = days[LocalDate.now(ZoneOffset.UTC).plusDays(2).getDayOfWeek().getValue() - 1];
    JsonObject night = new JsonObject().put("brand", "night").put("timeZone", "UTC").put("bands", band)
        .put("hours", new JsonObject().put(later, new JsonArray().add("10:00-12:00")));
    return new JsonObject().put("warnAtPercent", 1).put("brands", new JsonArray().add(brand).add(night));
  }
}
