package io.earshot.triage;

import static io.earshot.triage.SentimentRulesTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("contact reasons")
class ReasonsTest {

  @Test
  @DisplayName("a post can carry several reasons, strongest first")
  void multiLabel() {
    List<String> codes = score("@shop I was charged twice and my parcel never arrived").reasonCodes();
    assertTrue(codes.contains("billing"), codes.toString());
    assertTrue(codes.contains("delivery"), codes.toString());
  }

  @Test
  @DisplayName("'can't log in' is an account problem although it starts with a negator")
  void accountAccess() {
    assertTrue(score("@bank I can't log in to the app").reasonCodes().contains("account"));
  }

  @Test
  @DisplayName("negated praise is not praise: 'not great, not helpful'")
  void negatedPraise() {
    assertTrue(score("@bank the new app is great, thank you").reasonCodes().contains("praise"));
    assertFalse(score("@bank the chat was not great and not helpful").reasonCodes().contains("praise"));
  }

  @Test
  @DisplayName("a question mark makes a post a question; nothing recognizable is 'other'")
  void questionAndFallback() {
    assertTrue(score("@airline what's the carry-on size limit?").reasonCodes().contains("question"));
    assertEquals(List.of("other"), score("just had lunch with my sister").reasonCodes());
  }

  @Test
  @DisplayName("the default taxonomy defines the documented codes")
  void defaultCodes() {
    List<String> codes = Taxonomy.defaults().reasons().stream().map(Taxonomy.ReasonDefinition::code).toList();
    assertEquals(List.of("billing", "delivery", "account", "outage", "defect", "cancellation",
        "booking", "delay", "staff", "feature_request", "other", "question", "complaint", "request",
        "praise"), codes);
  }

  @Test
  @DisplayName("an invalid taxonomy is rejected with the offending field named")
  void validation() {
    JsonObject bad = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "other").put("phrases", new JsonArray()))
        .add(new JsonObject().put("code", "Bad Code").put("phrases", new JsonArray())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.fromJson(bad));
    assertTrue(e.getMessage().startsWith("reasons[1].code"), e.getMessage());
    JsonObject noPhrases = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "other")));
    e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.fromJson(noPhrases));
    assertTrue(e.getMessage().startsWith("reasons[0].phrases"), e.getMessage());
    JsonObject noFallback = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "billing").put("phrases", new JsonArray().add("bill"))));
    e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.fromJson(noFallback));
    assertTrue(e.getMessage().contains("other"), e.getMessage());
  }

  @Test
  @DisplayName("an edited taxonomy changes what is recognized")
  void customTaxonomy() {
    JsonObject json = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "loyalty").put("phrases", new JsonArray().add("points").add("miles")))
        .add(new JsonObject().put("code", "other").put("phrases", new JsonArray())));
    TriageEngine engine = new TriageEngine(Taxonomy.fromJson(json), PriorityWeights.defaults());
    assertEquals(List.of("loyalty"), engine.score(ScoringInput.ofText("where are my points")).reasonCodes());
  }

  @Test
  @DisplayName("a lone 'order' or 'pay' is not a reason; 'my order never arrived' and 'charged twice' are")
  void broadWordsNeedContext() {
    assertFalse(score("@gym happy to pay a bit more for this").reasonCodes().contains("billing"));
    assertFalse(score("@shop what's the order of the queue tomorrow").reasonCodes().contains("delivery"));
    assertEquals("delivery", score("@shop my order never arrived").reasonCodes().get(0));
    assertEquals("billing", score("@shop you charged me twice").reasonCodes().get(0));
  }

  @Test
  @DisplayName("a device that misbehaves without naming a bug is a defect, and a missing option a feature request")
  void malfunctionsAndMissingOptions() {
    assertEquals("defect", score("@brand the camera app keeps closing when I open it").reasonCodes().get(0));
    assertEquals("defect", score("@brand my smart plug no longer works after the reset").reasonCodes().get(0));
    assertEquals("defect", score("@brand the new sync lost all my contacts").reasonCodes().get(0));
    assertEquals("feature_request", score("you should be able to export playlists @brand").reasonCodes().get(0));
    assertEquals("staff", score("@brand an employee at the counter sold me the wrong cable").reasonCodes().get(0));
  }

  @Test
  @DisplayName("a phrase marked '~' is weak: alone it is no reason, two weak cues make one")
  void weakPhrases() {
    JsonObject json = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "loyalty").put("phrases", new JsonArray().add("~points").add("~miles")))
        .add(new JsonObject().put("code", "other").put("phrases", new JsonArray())));
    TriageEngine engine = new TriageEngine(Taxonomy.fromJson(json), PriorityWeights.defaults());
    assertEquals(List.of("other"), engine.score(ScoringInput.ofText("five points to Gryffindor")).reasonCodes());
    assertEquals(List.of("loyalty"), engine.score(ScoringInput.ofText("my points and miles vanished")).reasonCodes());
  }

  @Test
  @DisplayName("on hold and still no refund: billing first, and being kept on hold is the support experience")
  void refundOnHold() {
    List<String> codes = score("@NimbusAir I've been on hold for an hour and still no refund").reasonCodes();
    assertEquals(List.of("billing", "staff"), codes.subList(0, 2));
    assertTrue(codes.contains("complaint"), codes.toString());
  }

  @Test
  @DisplayName("a phrase listed by two reasons counts for both: 'not loading' is outage and defect")
  void sharedPhrase() {
    List<String> codes = score("@app the feed is not loading").reasonCodes();
    assertTrue(codes.contains("outage") && codes.contains("defect"), codes.toString());
  }

  @Test
  @DisplayName("topics come first, speech acts after: a question, a complaint, a request, praise")
  void topicsThenActs() {
    List<String> codes = score("@airline both flights canceled, can you please rebook me?").reasonCodes();
    assertTrue(codes.subList(0, 2).containsAll(List.of("delay", "booking")), codes.toString());
    assertTrue(codes.containsAll(List.of("question", "request")), codes.toString());
    assertTrue(codes.indexOf("question") > codes.indexOf("delay"), codes.toString());
    assertFalse(codes.contains("cancellation"), "a cancelled flight is no subscription cancellation: " + codes);
    assertTrue(score("@bank thanks, Sam sorted it in minutes").reasonCodes().contains("praise"));
  }

  @Test
  @DisplayName("reasons never depend on sentiment: the same complaint, polite or furious, has the same topics")
  void independentOfSentiment() {
    List<String> polite = score("@airline thank you, lovely crew, but my flight is delayed 4 hours").reasonCodes();
    List<String> angry = score("@airline my flight is delayed 4 hours, disgusting").reasonCodes();
    assertEquals(polite.get(0), angry.get(0));
    assertEquals("delay", angry.get(0));
  }

  @Test
  @DisplayName("phrases match on lemmas: 'attendants' and 'flights cancelled' match 'attendant' and 'cancel flight'")
  void lemmaMatching() {
    JsonObject json = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "crew").put("phrases", new JsonArray().add("flight attendant").add("cancel flight")))
        .add(new JsonObject().put("code", "other").put("phrases", new JsonArray())));
    TriageEngine engine = new TriageEngine(Taxonomy.fromJson(json), PriorityWeights.defaults());
    assertEquals(List.of("crew"), engine.score(ScoringInput.ofText("the flight attendants were lovely")).reasonCodes());
    assertEquals(List.of("crew"), engine.score(ScoringInput.ofText("they canceled flights")).reasonCodes());
  }

  @Test
  @DisplayName("a brand's own taxonomy is used for mentions to that brand; without a brand, the default")
  void brandTaxonomy() {
    JsonObject json = new JsonObject().put("reasons", new JsonArray()
        .add(new JsonObject().put("code", "loyalty").put("phrases", new JsonArray().add("points")))
        .add(new JsonObject().put("code", "other").put("phrases", new JsonArray())));
    TriageEngine engine = new TriageEngine(Taxonomy.defaults(), java.util.Map.of("acme", Taxonomy.fromJson(json)),
        PriorityWeights.defaults());
    String text = "where are my points, I was charged twice";
    assertEquals(List.of("loyalty"), engine.score(new ScoringInput(text, null, false, 0, null, "acme")).reasonCodes());
    assertTrue(engine.score(ScoringInput.ofText(text)).reasonCodes().contains("billing"));
    assertTrue(engine.score(new ScoringInput(text, null, false, 0, null, "unknown")).reasonCodes().contains("billing"));
  }
}
