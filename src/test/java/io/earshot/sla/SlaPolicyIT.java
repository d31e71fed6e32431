package io.earshot.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SLA policy API")
class SlaPolicyIT {
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static JsonObject band(String name, int min, int first) {
    return new JsonObject().put("name", name).put("minPriority", min).put("firstResponseMinutes", first)
        .put("nextResponseMinutes", 60).put("resolutionMinutes", 480);
  }

  static JsonObject policy(JsonObject entry) {
    return new JsonObject().put("warnAtPercent", 75).put("brands", new JsonArray().add(entry));
  }

  private static JsonObject officeHours() {
    JsonObject hours = new JsonObject();
    for (String day : new String[] {"mon", "tue", "wed", "thu", "fri"}) {
      hours.put(day, new JsonArray().add("09:00-17:30"));
    }
    return new JsonObject().put("brand", "default").put("timeZone", "Europe/Berlin").put("hours", hours)
        .put("holidays", new JsonArray().add("2026-12-25"))
        .put("bands", new JsonArray().add(band("normal", 0, 60)).add(band("urgent", 70, 15)));
  }

  @Test
  @DisplayName("a fresh hub has no SLA; an admin sets one, versioned, and agents read it back as stored")
  void roundTrip() {
    JsonObject before = team.agent().get("/api/v1/policies/sla").json();
    long version = before.getLong("version");
    ApiClient.Response put = team.admin().put("/api/v1/policies/sla", policy(officeHours()));
    assertEquals(200, put.status(), put.body());
    assertEquals(version + 1, put.json().getLong("version"));
    JsonObject read = team.agent().get("/api/v1/policies/sla").json();
    assertEquals(75, read.getInteger("warnAtPercent"));
    JsonObject brand = read.getJsonArray("brands").getJsonObject(0);
    assertEquals("Europe/Berlin", brand.getString("timeZone"));
    assertEquals(new JsonArray().add("09:00-17:30"), brand.getJsonObject("hours").getJsonArray("mon"));
    assertEquals(new JsonArray(), brand.getJsonObject("hours").getJsonArray("sat"));
    assertEquals(new JsonArray().add("2026-12-25"), brand.getJsonArray("holidays"));
    assertEquals(15, brand.getJsonArray("bands").getJsonObject(1).getInteger("firstResponseMinutes"));
  }

  @Test
  @DisplayName("a brand entry without a time zone takes its brand's; without hours it is always open")
  void defaults() {
    JsonObject entry = new JsonObject().put("brand", "default").put("bands", new JsonArray().add(band("all", 0, 30)));
    ApiClient.Response put = team.admin().put("/api/v1/policies/sla", policy(entry));
    assertEquals(200, put.status(), put.body());
    JsonObject brand = put.json().getJsonArray("brands").getJsonObject(0);
    assertEquals("UTC", brand.getString("timeZone"));
    assertEquals(null, brand.getValue("hours"));
  }

  @Test
  @DisplayName("bad input is a 400 naming the field: time zone, hours, holidays, targets, unknown brands")
  void validation() {
    refused(officeHours().put("timeZone", "Mars/Olympus"), "brands[0].timeZone");
    JsonObject badHours = officeHours();
    badHours.getJsonObject("hours").put("tue", new JsonArray().add("9-17"));
    refused(badHours, "brands[0].hours.tue[0]");
    JsonObject badDay = officeHours();
    badDay.getJsonObject("hours").put("someday", new JsonArray());
    refused(badDay, "brands[0].hours.someday");
    refused(officeHours().put("holidays", new JsonArray().add("25.12.2026")), "brands[0].holidays[0]");
    refused(officeHours().put("bands", new JsonArray().add(band("zero", 0, 0))), "brands[0].bands[0].firstResponseMinutes");
    refused(officeHours().put("bands", new JsonArray().add(band("a", 0, 5)).add(band("b", 0, 5))),
        "brands[0].bands[1].minPriority");
    refused(officeHours().put("brand", "no-such-brand"), "brands[0].brand");
    ApiClient.Response pct = team.admin().put("/api/v1/policies/sla", policy(officeHours()).put("warnAtPercent", 100));
    assertEquals(400, pct.status());
    assertEquals("warnAtPercent", pct.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("only admins change the policy; marketers do not read it")
  void roles() {
    assertEquals(403, team.manager().put("/api/v1/policies/sla", policy(officeHours())).status());
    assertEquals(403, team.agent().put("/api/v1/policies/sla", policy(officeHours())).status());
    assertEquals(200, team.manager().get("/api/v1/policies/sla").status());
  }

  private static void refused(JsonObject entry, String field) {
    ApiClient.Response r = team.admin().put("/api/v1/policies/sla", policy(entry));
    assertEquals(400, r.status(), r.body());
    assertEquals(field, r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), r.body());
  }
}
