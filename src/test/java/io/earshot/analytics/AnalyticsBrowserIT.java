package io.earshot.analytics;

import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.earshot.brand.BrandFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The analytics page in Chromium, signed in as a marketer, over a known mix of mentions. */
@DisplayName("The analytics page in the browser")
class AnalyticsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> CHARTS = List.of("sentiment-over-time", "channels", "reasons", "hours", "times", "engagement");
  private static TestHub hub;
  private static ApiClient marketer;

  @BeforeAll
  static void start() throws Exception {
    Path connectors = TestHub.tempDir("earshot-analytics-browser");
    Files.writeString(connectors.resolve(BrandFile.NAME), AnalyticsMix.BRANDS_JSON);
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()));
    Team team = Team.of(hub);
    marketer = Team.person(hub, team.admin(), "mara", "marketer");
    JsonArray mix = AnalyticsMix.mentions("br");
    assertEquals(mix.size(), hub.api().ingest(mix).json().getInteger("accepted"));
    // One case resolved, so the times table has wall-clock and business-hours figures to show.
    String[] caseId = new String[1];
    assertTrue(ApiClient.eventually(WAIT, () -> {
      JsonArray open = team.admin().get("/api/v1/cases?limit=1&status=new").json().getJsonArray("items");
      caseId[0] = open.isEmpty() ? null : open.getJsonObject(0).getString("id");
      return caseId[0] != null;
    }), "the mix opened cases");
    ApiClient.Response resolved = team.agent().patch("/api/v1/cases/" + caseId[0], new JsonObject().put("status", "resolved"));
    assertEquals(200, resolved.status(), resolved.body());
    String last30 = "from=" + AnalyticsMix.today().minusDays(29) + "&to=" + AnalyticsMix.today();
    assertTrue(ApiClient.eventually(WAIT, () -> {
      JsonObject o = marketer.get("/api/v1/analytics/overview?" + last30).json();
      return o.getLong("mentions") == mix.size() && o.getLong("casesResolved") == 1;
    }), "the rollups counted the mix and the resolution");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("a marketer opens analytics: every chart is drawn, its table matches the API, a new range changes the figures, a CSV downloads, and no reply box is offered")
  void marketerReadsAnalytics() throws Exception {
    try (Browser browser = new Browser(WAIT)) {
      browser.signIn(hub.baseUrl(), "mara", "mara-password-1");
      browser.await(testId("view-analytics")).click();
      WebElement page = browser.await(testId("analytics"));
      browser.waiting().until(d -> page.getAttribute("data-loaded") != null);
      LocalDate to = AnalyticsMix.today();
      JsonObject o = overview(to.minusDays(29), to);
      for (String chart : CHARTS) {
        browser.waiting().until(d -> drawnPixels(browser, chart) > 0);
      }
      assertEquals(rows(o.getJsonArray("series"), "day", "mentions", "positive", "neutral", "negative"),
          table(browser, "table-sentiment-over-time"));
      assertEquals(rows(o.getJsonArray("platforms"), "platform", "count", "sentiment.positive", "sentiment.neutral",
          "sentiment.negative"), table(browser, "table-channels"));
      assertEquals(hours(o), table(browser, "table-hours"));
      assertEquals(times(o), table(browser, "table-times"));
      assertTrue(o.getJsonObject("resolution").getValue("businessMedianSeconds") != null,
          "the resolution is timed in business hours");
      assertEquals(List.of(cells(o.getJsonObject("engagement"), "posts", "likes", "reposts", "replies", "quotes", "impressions")),
          table(browser, "table-engagement"));
      assertEquals(String.valueOf(o.getLong("mentions")), tile(browser, "mentions"));
      assertEquals(String.valueOf(o.getJsonObject("broadcasts").getLong("sent")), tile(browser, "broadcasts"));
      assertEquals(String.valueOf(o.getJsonObject("broadcasts").getLong("notices")), tile(browser, "notices"));
      JsonObject posts = o.getJsonObject("broadcasts").getJsonObject("engagement");
      assertEquals(posts.getLong("likes") + " / " + posts.getLong("reposts") + " / " + posts.getLong("replies"),
          tile(browser, "broadcast-engagement"));
      assertTrue(browser.driver().findElements(testId("reply-text")).isEmpty(), "no reply box for a marketer");
      assertTrue(browser.driver().findElements(testId("csv-agents")).isEmpty(), "no per-agent export for a marketer");

      LocalDate shortFrom = to.minusDays(3);
      String before = page.getAttribute("data-loaded");
      ((JavascriptExecutor) browser.driver()).executeScript(
          "document.querySelector(\"[data-testid='analytics-from']\").value = arguments[0];", shortFrom.toString());
      browser.driver().findElement(testId("analytics-apply")).click();
      browser.waiting().until(d -> !before.equals(page.getAttribute("data-loaded")));
      JsonObject recent = overview(shortFrom, to);
      assertNotEquals(o.getLong("mentions"), recent.getLong("mentions"), "the mix spreads over ten days");
      assertEquals(String.valueOf(recent.getLong("mentions")), tile(browser, "mentions"));
      assertEquals(rows(recent.getJsonArray("series"), "day", "mentions", "positive", "neutral", "negative"),
          table(browser, "table-sentiment-over-time"));

      String href = browser.driver().findElement(testId("csv-series")).getAttribute("href");
      Object csv = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));", href);
      String[] lines = csv.toString().split("\r?\n"); // the driver hands strings back with bare LFs
      assertEquals("day,mentions,positive,neutral,negative,casesOpened,casesResolved", lines[0], csv.toString());
      assertEquals(5, lines.length, "a header and the four days of the new range");
      assertTrue(href.contains("from=" + shortFrom), href);
    }
  }

  private static JsonObject overview(LocalDate from, LocalDate to) {
    return marketer.get("/api/v1/analytics/overview?from=" + from + "&to=" + to).json();
  }

  /** Non-transparent pixels drawn on the chart's canvas. */
  private static long drawnPixels(Browser browser, String chart) {
    Object n = browser.js("const c = document.querySelector(\"[data-testid='chart-" + chart + "'] canvas\");"
        + "if (!c || !c.width) return 0; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;");
    return ((Number) n).longValue();
  }

  private static String tile(Browser browser, String id) {
    return browser.driver().findElement(testId("tile-" + id)).findElement(By.tagName("strong")).getDomProperty("textContent");
  }

  private static List<List<String>> table(Browser browser, String id) {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement tr : browser.driver().findElement(testId(id)).findElements(By.cssSelector("tbody tr"))) {
      rows.add(tr.findElements(By.tagName("td")).stream().map(td -> td.getDomProperty("textContent")).toList());
    }
    return rows;
  }

  private static List<List<String>> rows(JsonArray items, String... paths) {
    List<List<String>> rows = new ArrayList<>();
    items.forEach(i -> {
      List<String> row = new ArrayList<>();
      for (String path : paths) {
        Object value = i;
        for (String part : path.split("\\.")) {
          value = ((JsonObject) value).getValue(part);
        }
        row.add(String.valueOf(value));
      }
      rows.add(row);
    });
    return rows;
  }

  /** Each measure's wall-clock figures and its business-hours ones beside them; a null or absent figure shows as a dash. */
  private static List<List<String>> times(JsonObject o) {
    String[] fields = {"count", "medianSeconds", "p90Seconds", "businessMedianSeconds", "businessP90Seconds"};
    List<List<String>> rows = new ArrayList<>();
    for (Object[] m : new Object[][] {{"first response", o.getJsonObject("firstResponse")},
        {"resolution", o.getJsonObject("resolution")}, {"approval wait", o.getJsonObject("approvals").getJsonObject("wait")}}) {
      List<String> row = new ArrayList<>(List.of((String) m[0]));
      row.addAll(cells((JsonObject) m[1], fields));
      rows.add(row);
    }
    return rows;
  }

  private static List<String> cells(JsonObject o, String... fields) {
    List<String> row = new ArrayList<>();
    for (String f : fields) {
      row.add(o.getValue(f) == null ? "—" : String.valueOf(o.getValue(f)));
    }
    return row;
  }

  private static List<List<String>> hours(JsonObject o) {
    String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    List<List<String>> rows = new ArrayList<>();
    JsonArray week = o.getJsonArray("byHourOfWeek");
    for (int d = 0; d < 7; d++) {
      List<String> row = new ArrayList<>(List.of(days[d]));
      week.getJsonArray(d).forEach(n -> row.add(String.valueOf(n)));
      rows.add(row);
    }
    return rows;
  }
}
