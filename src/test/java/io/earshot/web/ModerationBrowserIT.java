package io.earshot.web;

import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Browser;
import io.earshot.testing.MetaPage;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A brand manager hides and deletes a Facebook comment from the case view, in Chromium. */
@DisplayName("moderating a comment from the case view, in a real browser")
class ModerationBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Answering the customer's reply to their own comment, the composer says where the reply lands. */
  private static void oneLevelNote(Browser browser, io.earshot.testing.ApiClient admin) {
    String[] last = new String[1];
    browser.waiting().until(d -> admin.get("/api/v1/cases").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(c -> c.getInteger("mentionCount", 0) == 2)
        .peek(c -> last[0] = c.getString("lastText")).findFirst().isPresent());
    browser.waiting().until(d -> browser.row(last[0]) != null);
    browser.row(last[0]).click();
    browser.waiting().until(d -> browser.driver().findElements(testId("reply-to-this")).size() == 2);
    browser.driver().findElements(testId("reply-to-this")).get(1).click();
    browser.await(testId("reply-text")).sendKeys("We are on it");
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("reply-notes"),
        "Facebook shows one level of replies"));
  }

  @Test
  @DisplayName("answering a reply, the composer says it lands under the top-level comment; the manager hides a comment (badge, hidden on the Page), sees an admin show it again live, then deletes it after confirming")
  void hideThenDelete() throws Exception {
    try (MetaPage page = new MetaPage();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR",
             page.addAccount(TestHub.tempDir("earshot-connectors")).toString()));
         Browser browser = new Browser(WAIT)) {
      Team team = Team.of(hub);
      page.emulator().seedMentions(2, 2); // a comment and the customer's reply to it: one case
      String mentionId = page.comment(team.admin(), "the checkout page eats my coupon");
      String commentId = mentionId.substring("facebook:".length());
      browser.signIn(hub.baseUrl(), "mia", "mia-password-1");
      try {
        oneLevelNote(browser, team.admin());
        browser.waiting().until(d -> browser.row("the checkout page eats my coupon") != null);
        browser.row("the checkout page eats my coupon").click();
        browser.click(testId("moderation-hide"));
        browser.waiting().until(ExpectedConditions.textToBe(testId("moderation-state"), "Hidden on the platform"));
        assertTrue(page.emulator().hidden(commentId), "hidden on the Page");
        browser.await(testId("moderation-unhide"));

        team.admin().post("/api/v1/mentions/" + URLEncoder.encode(mentionId, StandardCharsets.UTF_8) + "/moderation",
            new JsonObject().put("action", "unhide"));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(testId("moderation-state")));
        browser.await(testId("moderation-hide"));

        browser.click(testId("moderation-delete"));
        browser.await(testId("confirm-ok")).click();
        browser.waiting().until(ExpectedConditions.textToBe(testId("moderation-state"), "Deleted on the platform"));
        assertFalse(page.emulator().mentionIds().contains(commentId), "deleted on the Page");
        assertTrue(browser.driver().findElements(testId("moderation-hide")).isEmpty(), "nothing more to do to it");
        assertEquals(3, page.emulator().moderations().size(), page.emulator().moderations().toString());
      } finally {
        browser.screenshot("moderation");
      }
    }
  }
}
