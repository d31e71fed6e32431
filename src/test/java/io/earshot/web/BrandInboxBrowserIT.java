package io.earshot.web;

import static io.earshot.testing.Browser.rowText;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.brand.BrandFile;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The inbox's brand chip and brand filter in Debian's Chromium against a real hub: brands from
 * {@code brands.json}, one an admin adds and one an admin renames while the page is open (both
 * arrive as {@code brand.*} events), and a brand name that is hostile HTML.
 */
@DisplayName("the inbox by brand, in a real browser")
class BrandInboxBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String HOSTILE = "<img src=x onerror=alert(1)> Brand";
  private static final String BRANDS_JSON = """
      {"brands": [
        {"id": "tallycloud", "name": "Tally Cloud", "handles": {"sandbox": ["@TallyCloud"]}},
        {"id": "streambox", "name": "StreamBox", "handles": {"sandbox": ["@StreamBox"]}}
      ]}
      """;

  @Test
  @DisplayName("each case shows its brand's name as text, names follow brand events, and the filter keeps live cases of other brands out")
  void chipAndFilter() throws Exception {
    Path connectors = TestHub.tempDir("earshot-brand-inbox");
    Files.writeString(connectors.resolve(BrandFile.NAME), BRANDS_JSON);
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()));
         Browser browser = new Browser(WAIT)) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      String tally = "Invoices vanished " + UUID.randomUUID();
      String stream = "Buffering all evening " + UUID.randomUUID();
      ingest(hub, mention(tally, "tallycloud"), mention(stream, "streambox"));
      browser.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      browser.js("window.__earshotAlerts = []; window.alert = (m) => window.__earshotAlerts.push(String(m));");
      try {
        browser.waiting().until(d -> "Tally Cloud".equals(chip(browser, tally)) && "StreamBox".equals(chip(browser, stream)));
        hostileBrandArrivesLive(browser, hub, admin);
        renameArrivesLive(browser, admin, tally);
        filterKeepsOthersOut(browser, hub, tally, stream);
        assertEquals(0L, browser.js("return window.__earshotAlerts.length;"), "no injected script ran");
      } finally {
        browser.screenshot("brandInbox");
      }
    }
  }

  /** Created after the page loaded: its filter option comes from brand.created, its name as text. */
  private static void hostileBrandArrivesLive(Browser browser, TestHub hub, ApiClient admin) throws Exception {
    assertEquals(201, admin.post("/api/v1/brands", new JsonObject().put("id", "hostile").put("name", HOSTILE)).status());
    browser.waiting().until(d -> HOSTILE.equals(optionText(browser, "hostile")));
    String text = "Hostile brand's customer " + UUID.randomUUID();
    ingest(hub, mention(text, "hostile"));
    browser.waiting().until(d -> HOSTILE.equals(chip(browser, text)));
    assertEquals(0L, browser.js("return document.querySelectorAll('#app img, #app script').length;"),
        "no element was made from a brand name");
  }

  private static void renameArrivesLive(Browser browser, ApiClient admin, String tally) {
    assertEquals(200, admin.patch("/api/v1/brands/tallycloud", new JsonObject().put("name", "Tally Cloud EU")).status());
    browser.waiting().until(d -> "Tally Cloud EU".equals(chip(browser, tally))
        && "Tally Cloud EU".equals(optionText(browser, "tallycloud")));
  }

  private static void filterKeepsOthersOut(Browser browser, TestHub hub, String tally, String stream) throws Exception {
    Select filter = new Select(browser.driver().findElement(testId("brand-filter")));
    filter.selectByValue("tallycloud");
    browser.waiting().until(d -> browser.row(stream) == null && browser.row(tally) != null
        && browser.rows().stream().allMatch(r -> "tallycloud".equals(r.getDomAttribute("data-brand"))));
    String other = "Another brand, live " + UUID.randomUUID();
    String tallyLive = "Tally Cloud, live " + UUID.randomUUID();
    // One batch, the other brand's case first: when the Tally Cloud one shows, the other was told before it.
    ingest(hub, mention(other, "streambox"), mention(tallyLive, "tallycloud"));
    browser.waiting().until(d -> browser.row(tallyLive) != null);
    assertTrue(browser.rows().stream().noneMatch(r -> other.equals(rowText(r))),
        "a live case of another brand stays out of the filtered inbox");
    filter.selectByValue("");
    browser.waiting().until(d -> browser.row(other) != null && browser.row(stream) != null);
  }

  /** The brand chip's text on the row of the case with this text, or null while it is not shown. */
  private static String chip(Browser browser, String text) {
    WebElement row = browser.row(text);
    List<WebElement> chips = row == null ? List.of() : row.findElements(testId("case-brand"));
    return chips.isEmpty() ? null : chips.get(0).getDomProperty("textContent");
  }

  private static String optionText(Browser browser, String brandId) {
    return new Select(browser.driver().findElement(testId("brand-filter"))).getOptions().stream()
        .filter(o -> brandId.equals(o.getDomAttribute("value"))).findFirst()
        .map(o -> o.getDomProperty("textContent")).orElse(null);
  }

  /** A new customer's post to the brand. */
  private static JsonObject mention(String text, String brand) {
    String id = UUID.randomUUID().toString();
    return ApiClient.mention("it-" + id, "author-" + id, text).put("brand", brand);
  }

  private static void ingest(TestHub hub, JsonObject... mentions) {
    ApiClient.Response r = hub.api().ingest(new JsonArray(List.of((Object[]) mentions)));
    assertEquals(202, r.status(), r.body());
    assertEquals(mentions.length, r.json().getInteger("accepted"), r.body());
  }
}
