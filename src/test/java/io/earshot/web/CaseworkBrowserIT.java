package io.earshot.web;

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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Working cases in the dashboard, in Debian's Chromium, with two agents in separate browsers:
 * a note naming a teammate reaches that teammate live (and only them), tags come from the admins'
 * list, and a bulk resolve lands on every selected row.
 */
@DisplayName("Working cases in the dashboard")
class CaseworkBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
    assertEquals(200, team.admin().put("/api/v1/tags", new JsonObject().put("tags", new JsonArray()
        .add(new JsonObject().put("name", "billing").put("color", "#aa3300").put("description", "money")))).status());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static void ingest(String externalId, String customer, String text) {
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention(externalId, customer, text))).status());
  }

  private static WebElement awaitRow(Browser b, String text) {
    return b.waiting().until(d -> b.row(text));
  }

  @Test
  @DisplayName("a note with @mia notifies mia live in her own browser, as text; ann sees the note in the case")
  void noteNotifiesTheMentioned() throws Exception {
    String text = "@ForkfulEats my parcel is lost";
    ingest("browser-note", "lost-parcel", text);
    try (Browser ann = new Browser(WAIT); Browser mia = new Browser(WAIT)) {
      ann.signIn(hub.baseUrl(), "ann", "ann-password-1");
      mia.signIn(hub.baseUrl(), "mia", "mia-password-1");
      awaitRow(ann, text).click();
      ann.await(testId("note-input")).sendKeys("@mia can you look? <b>urgent</b>");
      ann.driver().findElement(testId("note-add")).click();
      List<String> note = ann.read(testId("note-item"), n -> true, n -> List.of(
          n.findElement(testId("note-text")).getDomProperty("textContent"), n.findElement(testId("note-mention")).getText()));
      assertEquals(List.of("@mia can you look? <b>urgent</b>", "@mia"), note);

      WebElement toast = mia.await(testId("notification-toast"));
      assertTrue(toast.getText().contains("ann mentioned you in a note"), toast.getText());
      assertEquals("@mia can you look? <b>urgent</b>", toast.findElement(testId("notification-text")).getDomProperty("textContent"));
      assertTrue(toast.findElements(By.tagName("b")).isEmpty(), "the note's markup is text, never HTML");
      assertEquals("1", mia.driver().findElement(testId("notification-count")).getText());
      toast.click();
      mia.waiting().until(d -> d.findElements(testId("note-item")).size() == 1);
      assertTrue(ann.driver().findElements(testId("notification-toast")).isEmpty(), "ann is not notified of her own note");
    }
  }

  @Test
  @DisplayName("a tag from the admins' list is added in the case view, and a bulk resolve lands on every selected row")
  void tagsAndBulkResolve() throws Exception {
    ingest("browser-bulk-1", "bulk-one", "@ForkfulEats first of two");
    ingest("browser-bulk-2", "bulk-two", "@ForkfulEats second of two");
    try (Browser ann = new Browser(WAIT)) {
      ann.signIn(hub.baseUrl(), "ann", "ann-password-1");
      awaitRow(ann, "@ForkfulEats first of two").click();
      ann.await(testId("tag-input")).sendKeys("Billing");
      ann.driver().findElement(testId("tag-add")).click();
      String description = ann.read(testId("case-tag"), c -> c.getText().startsWith("billing"), c -> c.getDomAttribute("title"));
      assertEquals("money", description, "the defined tag's description");
      ann.waiting().until(d -> !ann.row("@ForkfulEats first of two").findElements(testId("row-tag")).isEmpty());

      for (String text : List.of("@ForkfulEats first of two", "@ForkfulEats second of two")) {
        awaitRow(ann, text).findElement(testId("case-select")).click();
      }
      ann.waiting().until(ExpectedConditions.textToBe(testId("bulk-count"), "2 selected"));
      ann.driver().findElement(testId("bulk-resolve")).click();
      ann.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("bulk-result"), "2 done"));
      for (String text : List.of("@ForkfulEats first of two", "@ForkfulEats second of two")) {
        ann.waiting().until(d -> "resolved".equals(ann.row(text).getDomAttribute("data-status")));
      }
    }
  }
}
