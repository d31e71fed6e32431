package io.earshot.triage;

import static io.earshot.triage.SentimentRulesTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Priority;
import io.earshot.domain.PrioritySignal;
import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("language identification and urgency")
class LanguageAndUrgencyTest {
  private static final TriageEngine ENGINE = TriageEngine.withDefaults();

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
  @DisplayName("a complaint in each language Lingua is asked about is flagged with that language")
  void everyLanguage() {
    Map<String, String> posts = Map.ofEntries(
        Map.entry("@post Mein Paket ist nicht angekommen", "de"),
        Map.entry("@loja Minha encomenda não chegou ainda", "pt"),
        Map.entry("@negozio Il mio ordine non è arrivato", "it"),
        Map.entry("@winkel Mijn pakket is niet aangekomen", "nl"),
        Map.entry("@magaza Siparişim hâlâ gelmedi", "tr"),
        Map.entry("@toko Pesanan saya belum sampai juga", "id"),
        Map.entry("@магазин Мой заказ так и не пришёл", "ru"),
        Map.entry("طلبي لم يصل بعد", "ar"),
        Map.entry("मेरा ऑर्डर अभी तक नहीं आया", "hi"),
        Map.entry("注文した商品が届きません", "ja"),
        Map.entry("我的订单还没到", "zh"),
        Map.entry("주문한 상품이 도착하지 않았어요", "ko"),
        Map.entry("je suis très déçu de votre service", "fr"),
        Map.entry("@tienda mi pedido no ha llegado todavía", "es"));
    posts.forEach((text, lang) -> assertEquals(lang, score(text).lang(), text));
  }

  @Test
  @DisplayName("English with a few foreign-looking words is English without asking Lingua")
  void englishWithForeignNames() {
    SentimentModel model = SentimentModel.standard();
    FeatureReader reader = new FeatureReader(Lexicon.standard(), CareRules.standard(), model);
    LanguageGate gate = new LanguageGate(reader.knownWords(), model.vocabulary());
    for (String text : List.of("Populists are on the march - can Marine Le Pen replicate their success?",
        "en route to Austin for #sxsw, my flight is delayed again",
        "@MobiTel signal has been rubbish in SE London for a week now. any fix coming?",
        "@united where is my bag")) {
      assertTrue(gate.readsAsEnglish(reader.read(text).features()), text);
    }
    assertFalse(gate.readsAsEnglish(reader.read("gracias por nada").features()));
    assertFalse(gate.readsAsEnglish(reader.read("@магазин где мой заказ").features()));
  }

  @Test
  @DisplayName("the platform's language tag is trusted; 'und' and pseudo-codes are not languages")
  void platformTag() {
    String spanish = "@aerolinea mi vuelo lleva tres horas de retraso y nadie nos dice nada";
    assertEquals("es", ENGINE.score(tagged(spanish, "es")).lang());
    assertEquals("en", ENGINE.score(tagged("@united where is my bag", "en-US")).lang());
    assertEquals("es", ENGINE.score(tagged(spanish, "und")).lang());
    assertEquals("es", ENGINE.score(tagged(spanish, "qme")).lang());
    Triage pt = ENGINE.score(tagged("@loja obrigado", "pt-BR"));
    assertEquals("pt", pt.lang());
    assertTrue(pt.unsure());
    assertEquals("id", LanguageGate.platformLanguage("in"));
    assertNull(LanguageGate.platformLanguage("zxx"));
    assertNull(LanguageGate.platformLanguage(null));
  }

  private static ScoringInput tagged(String text, String lang) {
    return new ScoringInput(text, null, false, 0, Duration.ZERO, null, lang);
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
