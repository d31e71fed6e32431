package io.earshot.broadcast;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earshot.analytics.Analytics;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts through the API against the sandbox platform: validation names the field, every
 * broadcast waits for a manager, the approved text goes out once per account, and every
 * customer linked to the problem gets one personal notice in their own thread, once, even when
 * linked after the broadcast went out.
 */
@DisplayName("Broadcasts")
class BroadcastsIT {
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;
  private static ApiClient marketer;
  private static ProblemFixture problems;
  private static final List<EventEnvelope> FINISHED = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
    team = Team.of(hub);
    marketer = Team.person(hub, team.admin(), "max", "marketer");
    problems = new ProblemFixture(hub);
    hub.hub().events().register(new FinishedRecorder());
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  @Test
  @DisplayName("bad requests answer 400 naming the field; a marketer may not broadcast")
  void validation() {
    assertField(new JsonObject().put("text", "Hello"), "accounts");
    assertField(body("Hello").put("accounts", new JsonArray().add("nope")), "accounts");
    assertField(body("Hello").put("template", "incident-notice"), "text");
    assertField(new JsonObject().put("template", "no-such").put("accounts", new JsonArray().add("sandbox")), "template");
    assertField(body("Hello").put("notifyAffected", true), "problemId");
    assertField(body("Hello").put("problemId", "no-such-problem"), "problemId");
    assertField(body("Hello").put("notifyAffected", "yes"), "notifyAffected");
    assertField(body("x".repeat(501)), "text");
    String problem = problems.create("Login fails", "A fix is rolling out.", List.of());
    assertField(body("Hello").put("problemId", problem).put("notifyAffected", true), "noticeText");
    assertEquals(403, marketer.post("/api/v1/broadcasts", body("Hello")).status());
    assertEquals(404, team.agent().get("/api/v1/broadcasts/no-such").status());
  }

  @Test
  @DisplayName("a broadcast waits for a manager; approved with an edit, the edited text is posted once and every affected customer is told once in their thread")
  void approvedAndNotified() {
    List<String> handles = List.of("bc_ana", "bc_ben", "bc_cyd");
    handles.forEach(h -> sandbox.postMention(h, "@ForkfulEats the app will not let me log in"));
    List<String> caseIds = ProblemFixture.casesOf(team.agent(), handles);
    String problem = problems.create("Login fails on Android", "A fix is rolling out this hour.", caseIds);

    JsonObject created = team.agent().post("/api/v1/broadcasts", new JsonObject().put("problemId", problem)
        .put("template", "incident-notice").put("accounts", new JsonArray().add("sandbox"))
        .put("notifyAffected", true)).json();
    assertEquals("pending_approval", created.getString("state"), created.encode());
    assertTrue(created.getString("text").contains("Login fails on Android"), created.getString("text"));
    String id = created.getString("id");
    assertEquals(403, team.agent().post("/api/v1/approvals/" + id, new JsonObject().put("decision", "approve")).status());
    assertTrue(team.manager().get("/api/v1/approvals").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .anyMatch(i -> "broadcast".equals(i.getString("kind")) && id.equals(i.getJsonObject("broadcast").getString("id"))));
    int before = sandbox.brandPosts().size();
    assertEquals(before, sandbox.brandPosts().size(), "nothing goes out while held");

    String edited = "We know about a problem with logging in on Android. A fix is rolling out this hour.";
    JsonObject approved = team.manager().post("/api/v1/approvals/" + id,
        new JsonObject().put("decision", "approve").put("text", edited)).json();
    assertEquals("queued", approved.getString("state"), approved.encode());

    assertTrue(eventually(Duration.ofSeconds(30), () -> "sent".equals(view(id).getString("state"))), view(id).encode());
    JsonObject done = view(id);
    assertEquals(new JsonObject().put("total", 3).put("sent", 3).put("queued", 0).put("failed", 0),
        done.getJsonObject("notices"));
    JsonObject post = done.getJsonArray("posts").getJsonObject(0);
    assertEquals("sent", post.getString("state"));
    // The post has no case: every durable listener (analytics too) still takes its events, leaving nothing queued.
    assertTrue(eventually(Duration.ofSeconds(10), () -> hub.hub().mongo().collection(MongoStore.EVENT_QUEUE)
        .countDocuments(Filters.eq("documentId", post.getString("replyId"))) == 0), "the post's events all delivered");
    JsonArray posts = sandbox.brandPosts();
    assertEquals(1, posts.stream().map(o -> (JsonObject) o).filter(p -> edited.equals(p.getString("text"))).count());
    for (String h : handles) {
      long notices = posts.stream().map(o -> (JsonObject) o)
          .filter(p -> p.getString("text").startsWith("@" + h + " ") && p.getString("in_reply_to_id") != null).count();
      assertEquals(1, notices, "one notice for " + h + ": " + posts.encodePrettily());
    }
    answersThreadBack(posts, handles.get(0), caseIds.get(0), edited);
  }

  /** A customer answering their notice, or the public post, lands in their own case. */
  private static void answersThreadBack(JsonArray posts, String handle, String caseId, String publicText) {
    String noticeId = posts.stream().map(o -> (JsonObject) o).filter(p -> p.getString("text").startsWith("@" + handle + " "))
        .findFirst().orElseThrow().getString("id");
    String postId = posts.stream().map(o -> (JsonObject) o).filter(p -> publicText.equals(p.getString("text")))
        .findFirst().orElseThrow().getString("id");
    sandbox.postReply(handle, "@ForkfulEats thanks, still broken for me though", noticeId);
    sandbox.postReply(handle, "@ForkfulEats any news on this?", postId);
    assertTrue(eventually(Duration.ofSeconds(20), () -> team.agent().get("/api/v1/cases/" + caseId).json()
        .getJsonArray("thread").stream().map(o -> (JsonObject) o).filter(m -> "mention".equals(m.getString("kind")))
        .map(m -> m.getString("text")).filter(t -> t.contains("still broken") || t.contains("any news")).count() == 2),
        team.agent().get("/api/v1/cases/" + caseId).json().encodePrettily());
  }

  @Test
  @DisplayName("a customer linked after the broadcast went out gets the current status once, and the analytics count that notice")
  void lateLink() {
    sandbox.postMention("bc_early", "@ForkfulEats checkout is broken");
    String early = ProblemFixture.casesOf(team.agent(), List.of("bc_early")).get(0);
    String problem = problems.create("Checkout is broken", "Fixed at 14:05.", List.of(early));
    String id = approve(team.agent().post("/api/v1/broadcasts", new JsonObject().put("problemId", problem)
        .put("text", "Checkout works again.").put("accounts", new JsonArray().add("sandbox"))
        .put("notifyAffected", true).put("noticeText", "@{{customer.handle}} checkout works again, sorry!")).json());
    assertTrue(eventually(Duration.ofSeconds(30), () -> "sent".equals(view(id).getString("state"))));
    assertTrue(eventually(Duration.ofSeconds(10), () -> view(id).getJsonObject("notices").getInteger("sent") == 1));
    long noticesBefore = settledBroadcasts().getLong("notices");

    sandbox.postMention("bc_late", "@ForkfulEats my checkout failed earlier");
    String late = ProblemFixture.casesOf(team.agent(), List.of("bc_late")).get(0);
    problems.link(problem, late);
    // The problems part tells the link with a case event; any change of the case does here.
    team.agent().patch("/api/v1/cases/" + late, new JsonObject().put("status", "open"));
    assertTrue(eventually(Duration.ofSeconds(20), () -> noticesTo("bc_late") == 1), sandbox.brandPosts().encode());
    assertTrue(eventually(Duration.ofSeconds(10), () -> view(id).getJsonObject("notices").getInteger("sent") == 2));
    team.agent().patch("/api/v1/cases/" + late, new JsonObject().put("status", "pending"));
    assertEquals(1, noticesTo("bc_late"));
    assertEquals(1, noticesTo("bc_early"));
    assertEquals(noticesBefore + 1, settledBroadcasts().getLong("notices"), "the late notice counts, on the day it was sent");
  }

  @Test
  @DisplayName("the broadcast a Problem's status offers stands on its page until one is written, a rejected one aside")
  void standingOffer() {
    assertEquals(201, team.admin().post("/api/v1/departments", new JsonObject().put("id", "offers-it")
        .put("name", "Offers").put("members", new JsonArray()).put("contact", "ops@example.com")).status());
    String id = team.agent().post("/api/v1/problems", new JsonObject().put("title", "Card payments fail")
        .put("department", "offers-it")).json().getString("id");
    assertEquals(null, offer(id), "investigating offers nothing");
    team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("status", "identified"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> "known".equals(offer(id))), "a reload still offers 'we know'");

    String rejected = team.agent().post("/api/v1/broadcasts", new JsonObject().put("problemId", id)
        .put("template", "incident-notice").put("accounts", new JsonArray().add("sandbox"))).json().getString("id");
    assertEquals(null, offer(id), "written: the offer is taken up");
    assertEquals(200, team.manager().post("/api/v1/approvals/" + rejected,
        new JsonObject().put("decision", "reject").put("reason", "say when it will be fixed")).status());
    assertEquals("known", offer(id), "a rejected broadcast told nobody");

    team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("status", "fixing"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> "update".equals(offer(id))), "the next step offers its own");
  }

  private static String offer(String problemId) {
    JsonObject offers = team.agent().get("/api/v1/problems/" + problemId).json().getJsonObject("offers");
    return offers == null ? null : offers.getJsonObject("broadcast").getString("kind");
  }

  @Test
  @DisplayName("a rejected broadcast never goes out; a broadcast forged to queued without approval of its text is refused")
  void rejectedAndForged() {
    String rejected = team.agent().post("/api/v1/broadcasts", body("We are giving everyone a refund!")).json().getString("id");
    assertEquals(400, team.manager().post("/api/v1/approvals/" + rejected,
        new JsonObject().put("decision", "reject")).status(), "a rejection says why");
    assertEquals("rejected", team.manager().post("/api/v1/approvals/" + rejected,
        new JsonObject().put("decision", "reject").put("reason", "not true")).json().getString("state"));

    String forged = team.agent().post("/api/v1/broadcasts", body("Forged announcement")).json().getString("id");
    hub.hub().mongo().write(() -> hub.hub().mongo().collection(MongoStore.BROADCASTS).updateOne(Filters.eq("_id", forged),
        Updates.set("state", "queued"))).await();
    assertTrue(eventually(Duration.ofSeconds(15), () -> "failed".equals(view(forged).getString("state"))));
    assertTrue(sandbox.brandPosts().stream().map(o -> (JsonObject) o)
        .noneMatch(p -> p.getString("text").contains("refund") || p.getString("text").contains("Forged")));
  }

  @Test
  @DisplayName("the list shows broadcasts newest first; pause and resume answer the new state")
  void listPauseResume() {
    String id = team.agent().post("/api/v1/broadcasts", body("Maintenance tonight 02:00-03:00")).json().getString("id");
    JsonArray items = team.agent().get("/api/v1/broadcasts").json().getJsonArray("items");
    assertEquals(id, items.getJsonObject(0).getString("id"));
    assertEquals(409, team.agent().post("/api/v1/broadcasts/" + id + "/pause", new JsonObject()).status(),
        "a held broadcast has nothing to pause");
    assertTrue(marketer.get("/api/v1/broadcasts/" + id).status() == 200, "marketers read broadcasts");
  }

  @Test
  @DisplayName("analytics count a sent broadcast and its notices once, on replay too, and a rebuild from the stored broadcasts agrees")
  void analyticsCountBroadcasts() {
    List<String> handles = List.of("bc_an1", "bc_an2");
    handles.forEach(h -> sandbox.postMention(h, "@ForkfulEats the app crashes on start"));
    String problem = problems.create("App crashes on start", "Fixed in 4.2.1.", ProblemFixture.casesOf(team.agent(), handles));
    JsonObject before = settledBroadcasts();
    String id = approve(team.agent().post("/api/v1/broadcasts", new JsonObject().put("problemId", problem)
        .put("text", "Version 4.2.1 fixes the crash on start.").put("accounts", new JsonArray().add("sandbox"))
        .put("notifyAffected", true).put("noticeText", "@{{customer.handle}} 4.2.1 fixes it, sorry!")).json());
    assertTrue(eventually(Duration.ofSeconds(30), () -> "sent".equals(view(id).getString("state"))));
    assertEquals(2, view(id).getJsonObject("notices").getInteger("sent"));
    JsonObject expected = new JsonObject().put("sent", before.getLong("sent") + 1)
        .put("notices", before.getLong("notices") + 2);
    assertEquals(expected, settledBroadcasts(), "one broadcast sent, two notices");

    EventEnvelope finished = FINISHED.stream()
        .filter(e -> id.equals(e.data().getJsonObject("broadcast").getString("id"))).findFirst().orElseThrow();
    EventListener again = Analytics.listeners(hub.hub().mongo(), true).get(0);
    assertTrue(again.accepts(finished));
    again.handle(List.of(finished)).await();
    assertEquals(expected, broadcastFigures(), "told again, counted once");

    Analytics.rebuild(hub.hub().mongo()).run().await();
    assertEquals(expected, broadcastFigures(), "the rebuild counts the stored broadcasts the same way");
    List<String> csv = List.of(marketer.get("/api/v1/analytics/export.csv?view=summary").body().split("\r\n"));
    assertTrue(csv.contains("broadcasts.sent," + expected.getLong("sent"))
        && csv.contains("broadcasts.notices," + expected.getLong("notices")), csv.toString());
  }

  /** The overview's broadcasts once no event waits for a listener (the analytics one among them). */
  private static JsonObject settledBroadcasts() {
    assertTrue(eventually(Duration.ofSeconds(30),
        () -> hub.hub().mongo().collection(MongoStore.EVENT_QUEUE).countDocuments() == 0), "the event queue drained");
    return broadcastFigures();
  }

  /** The overview's broadcasts sent and notices (its posts' engagement is {@code BroadcastEngagementIT}'s). */
  private static JsonObject broadcastFigures() {
    ApiClient.Response r = marketer.get("/api/v1/analytics/overview");
    assertEquals(200, r.status(), r.body());
    JsonObject broadcasts = r.json().getJsonObject("broadcasts");
    return new JsonObject().put("sent", broadcasts.getLong("sent")).put("notices", broadcasts.getLong("notices"));
  }

  /** Keeps each {@code broadcast.finished} event as it was told, to tell it again. */
  private static final class FinishedRecorder implements EventListener {
    @Override
    public String name() {
      return "broadcasts-test-recorder";
    }

    @Override
    public boolean durable() {
      return false;
    }

    @Override
    public boolean accepts(EventEnvelope event) {
      return event.type().equals("broadcast.finished");
    }

    @Override
    public Future<Void> handle(List<EventEnvelope> events) {
      FINISHED.addAll(events);
      return Future.succeededFuture();
    }
  }

  private static String approve(JsonObject created) {
    String id = created.getString("id");
    JsonObject approved = team.manager().post("/api/v1/approvals/" + id, new JsonObject().put("decision", "approve")).json();
    assertEquals("queued", approved.getString("state"), approved.encode());
    return id;
  }

  private static long noticesTo(String handle) {
    return sandbox.brandPosts().stream().map(o -> (JsonObject) o)
        .filter(p -> p.getString("text").startsWith("@" + handle + " ")).count();
  }

  private static JsonObject view(String id) {
    return team.agent().get("/api/v1/broadcasts/" + id).json();
  }

  private static JsonObject body(String text) {
    return new JsonObject().put("text", text).put("accounts", new JsonArray().add("sandbox"));
  }

  private static void assertField(JsonObject body, String field) {
    ApiClient.Response r = team.agent().post("/api/v1/broadcasts", body);
    assertEquals(400, r.status(), body.encode() + " → " + r.body());
    String named = r.json().getJsonArray("validation_errors", new JsonArray()).stream().map(o -> (JsonObject) o)
        .map(e -> e.getString("field")).collect(Collectors.joining(","));
    assertTrue(named.contains(field), "names " + field + ": " + r.body());
  }
}
