package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link RouteCalls} builds afresh for a call, so that every role meets the same case: a
 * view of the caller's own, a team, a held broadcast or reply, two cases of one customer, a
 * template, a webhook (one with a delivered event). Names carry one shared sequence number, so no
 * two of them ever collide.
 */
final class RouteFixtures {
  private final AtomicInteger seq = new AtomicInteger();
  private final TestHub hub;
  private final Map<String, ApiClient> as;
  private final String caseId;
  private final String hookUrl;

  RouteFixtures(TestHub hub, Map<String, ApiClient> as, String caseId, String hookUrl) {
    this.hub = hub;
    this.as = as;
    this.caseId = caseId;
    this.hookUrl = hookUrl;
  }

  /** A number no name made so far carries. */
  int next() {
    return seq.incrementAndGet();
  }

  /** A fresh view of the caller's own (an admin's for a caller without a session). */
  String viewOf(String who) {
    ApiClient owner = as.get(who.equals("none") ? "admin" : who);
    return owner.post("/api/v1/views", new JsonObject().put("name", "For " + who + " " + next()))
        .json().getString("id");
  }

  String newTeam() {
    String name = "team-" + next();
    as.get("admin").post("/api/v1/teams", new JsonObject().put("name", name));
    return name;
  }

  JsonObject broadcast() {
    return new JsonObject().put("text", "Scheduled maintenance tonight " + next())
        .put("accounts", new JsonArray().add("sandbox"));
  }

  /**
   * A broadcast held for approval, moved straight to {@code state} in the store when given (it is
   * not approved, so the runner never publishes it: it stays sending, or fails once resumed).
   */
  String heldBroadcast(String state) {
    String id = as.get("agent").post("/api/v1/broadcasts", broadcast()).json().getString("id");
    if (state != null) {
      hub.hub().mongo().write(() -> hub.hub().mongo().collection("broadcasts").updateOne(
          com.mongodb.client.model.Filters.eq("_id", id), com.mongodb.client.model.Updates.set("state", state))).await();
    }
    return id;
  }

  /** Two cases of a new customer, {into, from}: their posts ten days apart lie outside the reopen window. */
  String[] casePair() {
    String customer = "pair-" + next();
    String from = ingestedCase(ApiClient.mention(customer + "-old", customer, "@ForkfulEats first")
        .put("createdAt", java.time.Instant.now().minus(Duration.ofDays(10)).toString()));
    return new String[] {ingestedCase(ApiClient.mention(customer + "-new", customer, "@ForkfulEats again")), from};
  }

  private String ingestedCase(JsonObject mention) {
    hub.api().ingest(new JsonArray().add(mention));
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      as.get("admin").get("/api/v1/mentions?platform=sandbox&limit=500").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(o -> mention.getString("externalId").equals(o.getString("externalId")))
          .findFirst().ifPresent(o -> id[0] = o.getString("caseId"));
      return id[0] != null;
    }));
    return id[0];
  }

  JsonObject hook() {
    return new JsonObject().put("url", hookUrl).put("secret", "roles-webhook-secret-1234")
        .put("events", new JsonArray().add("case.assigned"));
  }

  JsonObject template() {
    return new JsonObject().put("name", "Roles " + next()).put("body", "Hi {{customer.handle}}");
  }

  String newTemplate() {
    return as.get("admin").post("/api/v1/templates", template()).json().getString("id");
  }

  String newHook() {
    return as.get("admin").post("/api/v1/webhooks", hook()).json().getString("id");
  }

  /** A webhook with one delivered event: {id, deliveryId}. */
  String[] deliveredHook() {
    ApiClient admin = as.get("admin");
    String id = newHook();
    admin.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", next() % 2 == 0 ? "ann" : "admin"));
    String path = "/api/v1/webhooks/" + id + "/deliveries?state=delivered";
    assertTrue(eventually(Duration.ofSeconds(20), () -> !admin.get(path).json().getJsonArray("items").isEmpty()));
    return new String[] {id, admin.get(path).json().getJsonArray("items").getJsonObject(0).getString("id")};
  }

  /** A reply the agent just wrote that the default policy holds ("refund"). */
  String heldReply() {
    return as.get("agent").post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "A refund is on its way, number " + next()).put("confirm", true))
        .json().getString("id");
  }
}
