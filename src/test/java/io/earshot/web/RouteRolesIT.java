package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every route of the router × every role × no session, against the answer each must get:
 * {@code ok} (2xx, or 101 for the live socket), 401 or 403. Routes come from the router itself,
 * so a route added later without a row here fails the test by name. How each route is called is
 * {@link RouteCalls}'s part; this class makes what the calls share and judges their answers.
 */
@DisplayName("Who may call which route")
class RouteRolesIT {
  /** Columns of {@link #TABLE}, in order. */
  private static final List<String> WHO = List.of("none", "agent", "manager", "marketer", "admin");
  private static final Map<String, String> TABLE = RouteRoleTable.rows();

  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Map<String, ApiClient> as;
  private static String caseId;
  private static io.vertx.core.Vertx receiver;
  private static String hookUrl;
  private static String problemId;
  private static io.earshot.testing.MetaPage metaPage;
  private static String commentId;

  /** Who gets {@code ok} on each route, by role ({@code none} left out): what OpenApiIT holds the document to. */
  static Map<String, List<String>> allowedRoles() {
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    TABLE.forEach((route, cells) -> {
      String[] cell = cells.split(" ");
      List<String> roles = new ArrayList<>();
      for (int i = 1; i < WHO.size(); i++) {
        if (cell[i].equals("ok")) {
          roles.add(WHO.get(i));
        }
      }
      allowed.put(route, cell[0].equals("ok") ? List.of() : roles);
    });
    return allowed;
  }

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    metaPage = new io.earshot.testing.MetaPage();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", metaPage.addAccount(sandbox.connectorsDir()).toString()));
    Team team = Team.of(hub);
    as = new LinkedHashMap<>();
    as.put("none", new ApiClient(hub.baseUrl(), hub.ingestToken()));
    as.put("agent", team.agent());
    as.put("manager", team.manager());
    as.put("marketer", Team.person(hub, team.admin(), "max", "marketer"));
    as.put("admin", team.admin());
    Team.person(hub, team.admin(), "target", "agent");
    sandbox.postMention("roles_customer", "@ForkfulEats my order never came");
    caseId = Team.awaitCase(team.admin());
    commentId = metaPage.comment(team.admin(), "your app keeps crashing");
    team.admin().post("/api/v1/departments", new JsonObject().put("id", "billing").put("name", "Billing"));
    problemId = team.admin().post("/api/v1/problems", new JsonObject().put("title", "Roles")
        .put("department", "billing")).json().getString("id");
    receiver = io.vertx.core.Vertx.vertx();
    int port = receiver.createHttpServer().requestHandler(r -> r.response().setStatusCode(204).end()).listen(0).await().actualPort();
    hookUrl = "http://127.0.0.1:" + port + "/hook";
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
    metaPage.close();
    receiver.close().await();
  }

  @Test
  @DisplayName("every route answers every role and an anonymous caller as the table says; a route without a row fails by name")
  void everyRouteEveryRole() {
    Map<String, RouteCalls.Call> calls = new RouteCalls(hub, as, caseId, problemId, commentId, hookUrl).all();
    List<String> wrong = new ArrayList<>();
    for (String route : hub.hub().http().routes()) {
      String expected = TABLE.get(route);
      RouteCalls.Call call = calls.get(route);
      if (expected == null || call == null) {
        wrong.add(route + ": a new route; add its row to RouteRoleTable and a call to RouteCalls");
        continue;
      }
      String[] cells = expected.split(" ");
      for (int i = 0; i < WHO.size(); i++) {
        int status = call.send(WHO.get(i), as.get(WHO.get(i)));
        if (!matches(cells[i], status)) {
          wrong.add(route + " as " + WHO.get(i) + ": expected " + cells[i] + ", got " + status);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(hub.hub().http().routes().containsAll(TABLE.keySet()), "every row is a route: " + hub.hub().http().routes());
  }

  private static boolean matches(String cell, int status) {
    return cell.equals("ok") ? status >= 200 && status < 300 || status == 101 : Integer.parseInt(cell) == status;
  }
}
