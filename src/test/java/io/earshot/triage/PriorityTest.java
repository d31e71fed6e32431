package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Author;
import io.earshot.domain.Priority;
import io.earshot.domain.PrioritySignal;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("priority")
class PriorityTest {
  static final TriageEngine ENGINE = TriageEngine.withDefaults();
  static final Author NOBODY = new Author("1", "someone", "Someone", 40, false);

  static Priority priority(String text, Author author, boolean vip, int contacts, Duration waiting) {
    return ENGINE.score(new ScoringInput(text, author, vip, contacts, waiting)).priority();
  }

  static int points(Priority p, String signal) {
    return p.signals().stream().filter(s -> s.name().equals(signal)).mapToInt(PrioritySignal::points).sum();
  }

  @Test
  @DisplayName("an angry complaint that has waited three days outranks praise")
  void angryWaitingOutranksPraise() {
    Priority angry = priority("@airline my bag never arrived and nobody answers. absolutely furious",
        NOBODY, false, 0, Duration.ofDays(3));
    Priority praise = priority("@airline lovely crew today, thank you!", NOBODY, false, 0, Duration.ofMinutes(5));
    assertTrue(angry.value() > praise.value() + 30, angry + " vs " + praise);
    assertTrue(points(angry, "negative") > 0 && points(angry, "waiting") > 0);
  }

  @Test
  @DisplayName("urgency cues (outage, safety, cannot log in, regulator) add explained points")
  void urgency() {
    Priority p = priority("@power gas leak reported and still no engineer, calling the ombudsman",
        null, false, 0, Duration.ZERO);
    assertTrue(points(p, "urgency") > 0, p.toString());
    PrioritySignal urgency = p.signals().stream().filter(s -> s.name().equals("urgency")).findFirst().orElseThrow();
    assertTrue(urgency.detail().contains("safety") && urgency.detail().contains("legal"), urgency.detail());
  }

  @Test
  @DisplayName("reach, verification, VIP status and repeat contacts each raise priority")
  void customerSignals() {
    String text = "@bank my card is not working";
    int base = priority(text, NOBODY, false, 0, Duration.ZERO).value();
    Author famous = new Author("2", "famous", "Famous", 2_000_000, true);
    Priority loud = priority(text, famous, true, 3, Duration.ZERO);
    assertTrue(points(loud, "reach") > 0 && points(loud, "verified") > 0);
    assertTrue(points(loud, "vip") > 0 && points(loud, "repeat") > 0);
    assertTrue(loud.value() > base);
  }

  @Test
  @DisplayName("rescore changes only the waiting signal and stays within 0..100")
  void rescore() {
    Priority first = priority("@telco internet is down again", NOBODY, true, 2, Duration.ofMinutes(10));
    Priority later = ENGINE.rescore(first, Duration.ofDays(2));
    assertTrue(later.value() > first.value());
    assertEquals(points(first, "vip"), points(later, "vip"));
    assertEquals(points(first, "negative"), points(later, "negative"));
    assertEquals(PriorityWeights.defaults().waiting(), points(later, "waiting"));
    assertTrue(later.value() <= 100);
  }

  @Test
  @DisplayName("weights load from JSON with defaults, and bad values name their field")
  void weightsFromJson() {
    PriorityWeights w = PriorityWeights.fromJson(new JsonObject().put("vip", 40).put("sla", "PT4H"));
    assertEquals(40, w.vip());
    assertEquals(Duration.ofHours(4), w.sla());
    assertEquals(PriorityWeights.defaults().negative(), w.negative());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PriorityWeights.fromJson(new JsonObject().put("urgency", "lots")));
    assertTrue(e.getMessage().startsWith("urgency"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PriorityWeights.fromJson(new JsonObject().put("sla", "an hour")));
    assertTrue(e.getMessage().startsWith("sla"), e.getMessage());
  }
}
