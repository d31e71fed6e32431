package io.earshot.brand;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The case, end to end: one sandbox account reads the posts to several brands (an agency's
 * shared search), says {@code "brand": "by-handle"}, and the hub tells the brands apart by the
 * handle each post addresses.
 */
@DisplayName("An account serving several brands, through a real hub and the sandbox")
class SandboxBrandsIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  @DisplayName("a customer who posts to @TallyCloud, @StreamBox and @LedgerBank gets three cases, one per brand")
  void oneCasePerBrand() throws IOException {
    try (SandboxClient sandbox = new SandboxClient(); TestHub hub = TestHub.start(Map.of(
        "EARSHOT_CONNECTORS_DIR", byHandleAccount(sandbox).toString()))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      sandbox.postMention("maya", "@TallyCloud my invoices vanished");
      sandbox.postMention("maya", "@streambox buffering all evening");
      sandbox.postMention("maya", "ugh @LedgerBank charged me twice, and @TallyCloud is down too");
      sandbox.postMention("maya", "@VoltMobile no signal"); // a brand the sandbox has and the hub does not
      assertTrue(eventually(WAIT, () -> mentionsOf(api, "maya").size() == 4), "all four stored");

      Map<String, String> brandByText = mentionsOf(api, "maya").stream()
          .collect(Collectors.toMap(m -> m.getString("text"), m -> m.getString("brand")));
      assertEquals(Map.of("@TallyCloud my invoices vanished", "tallycloud", "@streambox buffering all evening", "streambox",
          "ugh @LedgerBank charged me twice, and @TallyCloud is down too", "ledgerbank",
          "@VoltMobile no signal", "default"), brandByText, "the first handle addressed decides");
      Map<String, JsonObject> cases = casesOf(api, "maya");
      assertEquals(List.of("default", "ledgerbank", "streambox", "tallycloud"), cases.keySet().stream().sorted().toList());

      sandbox.postMention("maya", "@TallyCloud any update?");
      String tallyCase = cases.get("tallycloud").getString("id");
      assertTrue(eventually(WAIT, () -> mentionCount(api, tallyCase) == 2), "the follow-up to the brand joins its case");
      answeredThreadStaysTogether(api, sandbox, cases.get("streambox").getString("id"));
    }
  }

  /** The customer answers the StreamBox reply without naming a brand: it is that conversation. */
  private static void answeredThreadStaysTogether(ApiClient api, SandboxClient sandbox, String caseId) {
    assertEquals(202, api.post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry! Try signing out and in again.")).status());
    assertTrue(eventually(WAIT, () -> sandbox.brandPosts().size() == 1), "the reply was published");
    sandbox.postReply("maya", "That worked, thank you!", sandbox.brandPosts().getJsonObject(0).getString("id"));
    assertTrue(eventually(WAIT, () -> mentionCount(api, caseId) == 2), "the answer joins the StreamBox case");
    assertEquals(4, casesOf(api, "maya").size(), "and opens no case of its own");
  }

  private static Path byHandleAccount(SandboxClient sandbox) throws IOException {
    Path dir = sandbox.connectorsDir();
    Path account = dir.resolve("sandbox.json");
    Files.writeString(account, new JsonObject(Files.readString(account)).put("brand", "by-handle").encode());
    Files.writeString(dir.resolve(BrandFile.NAME), BrandsIT.BRANDS_JSON);
    return dir;
  }

  private static List<JsonObject> mentionsOf(ApiClient api, String handle) {
    return api.get("/api/v1/mentions?limit=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(m -> handle.equals(m.getJsonObject("author").getString("handle"))).toList();
  }

  private static Map<String, JsonObject> casesOf(ApiClient api, String handle) {
    return api.get("/api/v1/cases?limit=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(c -> handle.equals(c.getJsonObject("customer").getString("handle")))
        .collect(Collectors.toMap(c -> c.getString("brand"), c -> c));
  }

  private static int mentionCount(ApiClient api, String caseId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getInteger("mentionCount");
  }
}
