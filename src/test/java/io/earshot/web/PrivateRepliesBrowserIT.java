package io.earshot.web;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The composer says which way a reply goes, in Debian's Chromium against a real hub polling a
 * Mastodon emulator: an answer to a private message starts private, the agent can switch, and
 * where the account cannot send private messages only the public reply is offered.
 */
@DisplayName("Private replies in the dashboard")
class PrivateRepliesBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static Vertx vertx;
  private static MastodonEmulator mastodon;
  private static TestHub hub;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    mastodon = new MastodonEmulator(vertx);
    await(mastodon.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, "brand-mastodon", "mastodon", mastodon.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of("streaming", false));
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(), "MASTODON_TOKEN", MastodonEmulator.TOKEN));
  }

  @AfterAll
  static void stop() {
    hub.close();
    await(mastodon.stop());
    await(vertx.close());
  }

  @Test
  @DisplayName("an answer to a private message starts private, says so, and goes out as a direct status")
  void answerToPrivateMessage() throws Exception {
    int before = mastodon.mentionIds().size();
    mastodon.seedMention("@brand the app logs me out every hour");
    String author = mastodon.status(mastodon.mentionIds().get(before)).getJsonObject("account").getString("id");
    String dm = "Account 5521-AB is mine, logs me out";
    mastodon.seedDirect(author, dm);
    try (Browser b = new Browser(WAIT)) {
      b.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      b.waiting().until(d -> b.row("@brand " + dm)).click();
      assertEquals("private", b.read(testId("thread-item"), i -> i.getText().contains(dm),
          i -> i.findElement(testId("private-badge")).getText()));
      By label = testId("reply-visibility-label");
      b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(label, "Sends a private message only @"));
      assertEquals("true", b.driver().findElement(testId("reply-visibility-private")).getDomAttribute("aria-pressed"));

      b.click(testId("reply-visibility-public"));
      b.waiting().until(ExpectedConditions.textToBe(label, "Sends a public reply everyone can see"));
      b.click(testId("reply-visibility-private"));
      b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(label, "private message"));

      String text = "We reset your sessions, sign in once more.";
      b.await(testId("reply-text")).sendKeys(text);
      b.waiting().until(ExpectedConditions.elementToBeClickable(testId("reply-send"))).click();
      assertEquals("private", b.read(By.cssSelector("[data-kind=reply][data-state=sent]"), i -> i.getText().contains(text),
          i -> i.findElement(testId("private-badge")).getText()));
    }
    List<JsonObject> sent = mastodon.posted().stream().filter(p -> p.getString("source_text").endsWith(
        "We reset your sessions, sign in once more.")).toList();
    assertEquals(1, sent.size());
    assertEquals("direct", sent.get(0).getString("visibility"));
  }

  @Test
  @DisplayName("where the account cannot send private messages the composer offers only the public reply and says so")
  void onlyPublicWhereUnsupported() throws Exception {
    String text = "@ForkfulEats my address is 9 Birch Way";
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention("browser-dm", "dm-author", text)
        .put("private", true))).status());
    try (Browser b = new Browser(WAIT)) {
      b.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      b.waiting().until(d -> b.row(text)).click();
      assertEquals("private", b.read(testId("thread-item"), i -> i.getText().contains(text),
          i -> i.findElement(testId("private-badge")).getText()));
      b.waiting().until(ExpectedConditions.textToBe(testId("reply-visibility-label"), "Sends a public reply everyone can see"));
      assertTrue(!b.driver().findElement(testId("reply-visibility-private")).isDisplayed(), "no private option offered");
    }
  }
}
