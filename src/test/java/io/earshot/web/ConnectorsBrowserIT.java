package io.earshot.web;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.Browser;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The connector accounts page: an admin disables and enables an account; a manager reads without toggles. */
@DisplayName("The connector accounts page in a real browser")
class ConnectorsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(25);
  private static final String ACCOUNT = "brand-mastodon";

  @Test
  @DisplayName("an admin disables polling from the page and sees it live; a manager sees the accounts without toggles")
  void adminTogglesManagerReads() throws Exception {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path dir = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(dir, ACCOUNT, "mastodon", emulator.baseUrl(), Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of());
    emulator.seedMention("@brand is the app down?");
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", dir.toString(), "MASTODON_TOKEN", MastodonEmulator.TOKEN));
         Browser admin = new Browser(WAIT); Browser manager = new Browser(WAIT)) {
      Team.of(hub);
      admin.signIn(hub.baseUrl(), "admin", hub.adminPassword());
      admin.await(testId("view-connectors")).click();
      admin.waiting().until(d -> "connected".equals(row(admin).getDomAttribute("data-state")));
      // The row re-renders on every live status: read it inside a wait that finds it afresh.
      admin.waiting().until(d -> "1".equals(row(admin).findElements(By.tagName("td")).get(8).getText()));
      toggle(admin);
      admin.waiting().until(d -> "disabled".equals(row(admin).getDomAttribute("data-state")));
      admin.waiting().until(d -> "false".equals(row(admin).getDomAttribute("data-enabled")));
      admin.waiting().until(d -> "Enable".equals(row(admin).findElement(testId("connector-toggle")).getText()));
      assertTrue(hub.hub().connectors().polling().isEmpty(), "the hub stopped polling it");

      manager.signIn(hub.baseUrl(), "mia", "mia-password-1");
      manager.await(testId("view-connectors")).click();
      manager.waiting().until(d -> "disabled".equals(row(manager).getDomAttribute("data-state")));
      manager.waiting().until(d -> row(manager).findElements(testId("connector-toggle")).isEmpty()); // managers read, admins switch

      toggle(admin);
      manager.waiting().until(d -> "connected".equals(row(manager).getDomAttribute("data-state")));
      admin.waiting().until(d -> "true".equals(row(admin).getDomAttribute("data-enabled")));
    } finally {
      await(emulator.stop());
      await(vertx.close());
    }
  }

  /** Live statuses re-render the row: find the toggle afresh until one click lands. */
  private static void toggle(Browser b) {
    b.waiting().until(d -> {
      row(b).findElement(testId("connector-toggle")).click();
      return true;
    });
  }

  private static WebElement row(Browser b) {
    return b.driver().findElement(By.cssSelector("[data-testid=connector-row][data-account='" + ACCOUNT + "']"));
  }
}
