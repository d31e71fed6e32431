package io.earshot.find;

import static io.earshot.testing.ApiClient.mention;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

@DisplayName("Finding work in the dashboard: search, filters, saved views, more pages")
class FindBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static TestHub hub;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    api = hub.api().login("admin", hub.adminPassword());
    JsonArray mentions = new JsonArray();
    for (int i = 0; i < 70; i++) {
      mentions.add(mention("browse-" + i, "browser-" + i, "@brand question number " + i + " about billing"));
    }
    mentions.add(mention("browse-needle", "needle-author", "@brand my aquarium heater exploded"));
    assertEquals(71, api.ingest(mentions).json().getInteger("accepted"));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static long shown(Browser b) {
    return b.rows().size();
  }

  @Test
  @DisplayName("a search finds a mention by a word in its text")
  void searchFindsAWord() throws Exception {
    try (Browser b = new Browser(WAIT)) {
      b.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      b.waiting().until(d -> shown(b) > 0);
      b.await(testId("case-search")).sendKeys("aquarium");
      b.waiting().until(d -> shown(b) == 1 && "@brand my aquarium heater exploded".equals(Browser.rowText(b.rows().get(0))));
    }
  }

  @Test
  @DisplayName("scrolling to the end of the list loads the next page, past 50 rows")
  void infiniteScroll() throws Exception {
    try (Browser b = new Browser(WAIT)) {
      b.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      b.waiting().until(d -> shown(b) == 50);
      b.js("document.querySelector('[data-testid=case-more]').scrollIntoView()");
      b.waiting().until(d -> shown(b) >= 71);
      b.waiting().until(ExpectedConditions.textToBe(testId("case-count"), String.valueOf(shown(b))));
    }
  }

  @Test
  @DisplayName("a saved view keeps its filters after a reload and shows a live count")
  void savedViewSurvivesReload() throws Exception {
    try (Browser b = new Browser(WAIT)) {
      b.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      b.await(testId("case-search")).sendKeys("heater");
      b.waiting().until(d -> shown(b) == 1);
      b.driver().findElement(testId("filter-toggle")).click();
      new Select(b.await(testId("filter-platform"))).selectByValue("sandbox");
      b.waiting().until(d -> shown(b) == 1);
      b.driver().findElement(testId("view-save")).click();
      b.await(testId("view-name")).sendKeys("Heaters");
      b.driver().findElement(testId("view-create")).click();
      b.waiting().until(d -> viewCount(b, "Heaters").equals("1"));

      b.driver().navigate().refresh();
      b.waiting().until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
      b.waiting().until(d -> shown(b) >= 50);
      b.waiting().until(d -> viewCount(b, "Heaters").equals("1"));
      view(b, "Heaters").findElement(testId("saved-view-open")).click();
      b.waiting().until(d -> shown(b) == 1);
      assertEquals("heater", b.driver().findElement(testId("case-search")).getDomProperty("value"));
      assertEquals("sandbox", new Select(b.driver().findElement(testId("filter-platform"))).getFirstSelectedOption()
          .getDomProperty("value"));

      api.ingest(new JsonArray().add(mention("browse-needle-2", "needle-two", "@brand a second heater broke")));
      b.waiting().until(d -> viewCount(b, "Heaters").equals("2"));
    }
  }

  private static WebElement view(Browser b, String name) {
    return b.driver().findElements(testId("saved-view")).stream()
        .filter(v -> v.findElement(testId("saved-view-open")).getDomProperty("textContent").startsWith(name))
        .findFirst().orElse(null);
  }

  private static String viewCount(Browser b, String name) {
    WebElement v = view(b, name);
    return v == null ? "" : v.findElement(testId("saved-view-count")).getDomProperty("textContent");
  }
}
