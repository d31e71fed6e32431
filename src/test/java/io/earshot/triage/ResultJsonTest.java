package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.Priority;
import io.earshot.domain.Reason;
import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("score's result lines")
class ResultJsonTest {
  private static final String ODD = "say \"hi\" \\ back\tslash\n\r\b\f\u0001\u001F caf\u00E9 \uD83D\uDE21 \u2028 </x>";

  /** What the command wrote before: a JsonObject encoded by Vert.x (Jackson). */
  private static String viaVertx(Triage t, Object id) {
    JsonObject out = new JsonObject();
    if (id instanceof String || id instanceof Number) {
      out.put("id", id);
    }
    return out.put("sentiment", t.sentiment()).put("label", t.label().code())
        .put("confidence", t.confidence()).put("unsure", t.unsure()).put("lang", t.lang())
        .put("priority", t.priority().value())
        .put("reasons", new JsonArray(t.reasonCodes())).put("cues", new JsonArray(t.cues()))
        .encode();
  }

  private static Triage triage(double sentiment, double confidence, List<String> cues, String lang) {
    return new Triage(sentiment, SentimentLabel.NEGATIVE, confidence, cues,
        List.of(new Reason("billing", 0.75), new Reason("complaint", 0.5)), Priority.of(44), lang);
  }

  @Test
  @DisplayName("are the same text as Vert.x's encoding, escapes, numbers and ids included")
  void sameAsVertx() {
    List<Triage> cases = List.of(
        triage(-0.7133, 0.8302, List.of("care: charged me twice", "word: " + ODD), "en"),
        triage(0.0, 0.34, List.of(), "es"),
        triage(1.0E-4, 1.0, List.of(ODD), null),
        triage(-1.0, 0.5999, List.of("lexicon: rude, worst"), "en"));
    List<Object> ids = List.of("a1", ODD, 7, 9_000_000_000L, 2.5, new BigInteger("123456789012345678901234567890"));
    for (Triage t : cases) {
      assertEquals(viaVertx(t, null), ResultJson.result(t, null));
      assertEquals(viaVertx(t, true), ResultJson.result(t, true));
      for (Object id : ids) {
        assertEquals(viaVertx(t, id), ResultJson.result(t, id));
      }
    }
  }

  @Test
  @DisplayName("error lines are the same text as Vert.x's encoding")
  void errors() {
    for (String message : List.of("empty line", "binary data or invalid UTF-8 at character 3", ODD)) {
      assertEquals(new JsonObject().put("error", message).encode(), ResultJson.error(message));
    }
  }
}
