package io.earshot.triage;

import static io.earshot.triage.SentimentRulesTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Priority;
import io.earshot.domain.PrioritySignal;
import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("language identification and urgency")
class LanguageAndUrgencyTest {

  static int urgency(Priority p) {
    return p.signals().stream().filter(s -> s.name().equals("urgency")).mapToInt(PrioritySignal::points).sum();
  }

  @Test
  @DisplayName("a post in Spanish is flagged with its language and not scored as English")
  void nonEnglish() {
    Triage t = score("@aerolinea mi vuelo lleva tres horas de retraso y nadie nos dice nada");
    assertEquals("es", t.lang());
    assertEquals(SentimentLabel.NEUTRAL, t.label());
    assertTrue(t.unsure());
    assertTrue(t.cues().get(0).startsWith("language: es"), t.cues().toString());
    assertEquals("fr", score("@banque je n'arrive pas à me connecter à mon compte depuis hier").lang());
  }

  @Test
  @DisplayName("English posts, short ones and ones full of handles are English")
  void english() {
    assertEquals("en", score("@united where is my bag").lang());
    assertEquals("en", score("ok").lang());
    assertEquals("en", score("@a @b @c lol").lang());
  }

  @Test
  @DisplayName("a polite 'thanks, my account was taken over by a hack' still ranks as urgent")
  void politeUrgency() {
    Triage polite = score("@bank thanks for the quick replies last week. my account was hacked and taken over");
    assertTrue(urgency(polite.priority()) >= 25, polite.priority().toString());
    assertTrue(polite.priority().value() >= 30, polite.priority().toString());
    Triage mild = score("@bank could the app get a dark mode some day?");
    assertTrue(polite.priority().value() > mild.priority().value() + 10, polite.priority() + " vs " + mild.priority());
  }

  @Test
  @DisplayName("charged twice, cannot log in, data exposure, cancellation and legal threats are urgency groups")
  void urgencyGroups() {
    assertTrue(score("@shop you charged me twice").priority().signals().toString().contains("billing"));
    assertTrue(score("@bank I cannot log in since Monday").priority().signals().toString().contains("access"));
    assertTrue(score("@app I can see someone else's account details").priority().signals().toString().contains("data"));
    assertTrue(score("@gym I want to cancel my subscription").priority().signals().toString().contains("cancellation"));
    assertTrue(score("@isp I'll be taking legal action").priority().signals().toString().contains("legal"));
  }
}
