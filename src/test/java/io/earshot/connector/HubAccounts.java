package io.earshot.connector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * Helpers for hub-level connector tests: account files as an admin would write them (secrets as
 * {@code ${VAR}} references), connector health as the public API reports it, and what the hub
 * stored, read straight from its MongoDB.
 */
public final class HubAccounts {
  private HubAccounts() {
  }

  /** Writes {@code <dir>/<name>.json}; {@code credentials} values are written verbatim. */
  public static void write(Path dir, String name, String platform, String baseUrl,
                           Map<String, String> credentials, int pollSeconds, Map<String, Object> options) {
    JsonObject account = new JsonObject().put("name", name).put("platform", platform).put("enabled", true)
        .put("baseUrl", baseUrl).put("credentials", new JsonObject(new HashMap<>(credentials)))
        .put("pollIntervalSeconds", pollSeconds).put("options", new JsonObject(new HashMap<>(options)));
    try {
      Files.writeString(dir.resolve(name + ".json"), account.encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The account's entry in GET /api/v1/health, or an empty object before it reported. */
  public static JsonObject health(ApiClient api, String account) {
    return api.get("/api/v1/health").json().getJsonArray("connectors").stream()
        .map(o -> (JsonObject) o).filter(c -> account.equals(c.getString("account")))
        .findFirst().orElse(new JsonObject());
  }

  /** Waits until the account's health entry satisfies {@code test}; fails with the last seen. */
  public static JsonObject awaitHealth(ApiClient api, String account, Duration timeout,
                                       Predicate<JsonObject> test) {
    JsonObject[] last = new JsonObject[1];
    boolean held = ApiClient.eventually(timeout, () -> test.test(last[0] = health(api, account)));
    assertTrue(held, "health of " + account + " never matched; last: " + last[0]);
    return last[0];
  }

  /** GET /api/v1/mentions total for a platform (needs a logged-in client). */
  public static int mentionTotal(ApiClient api, String platform) {
    return api.get("/api/v1/mentions?limit=1&platform=" + platform).json().getInteger("total");
  }

  /** Every stored mention of an account: platform id → its document (caseId, inReplyTo…). */
  public static Map<String, Document> stored(TestHub hub, String account) {
    Map<String, Document> byExternalId = new HashMap<>();
    hub.hub().mongo().collection(MongoStore.MENTIONS).find(new Document("account", account))
        .forEach(d -> byExternalId.put(d.getString("externalId"), d));
    return byExternalId;
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
