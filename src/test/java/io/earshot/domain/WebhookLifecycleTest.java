package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.event.AdminEvents.WebhookChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The webhook endpoint lifecycle")
class WebhookLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
  private static final String SECRET = "s3cret-s3cret-s3cret";
  private static final String URL = "https://hooks.example.com/earshot/T0K3N?x=1";

  private static Webhook created() {
    return WebhookLifecycle.create("w1", new WebhookLifecycle.Draft(URL, SECRET, List.of("case.opened")), "admin", NOW)
        .state();
  }

  private static String fieldOf(Runnable call) {
    return assertThrows(DomainError.Invalid.class, call::run).field();
  }

  @Test
  @DisplayName("registering an endpoint tells webhook.created, naming where events go but not the path or the secret")
  void create() {
    Decision<Webhook> d = WebhookLifecycle.create("w1",
        new WebhookLifecycle.Draft(URL, SECRET, List.of("case.opened", "reply.sent", "case.opened")), "admin", NOW);
    assertTrue(d.state().enabled());
    assertEquals(List.of("case.opened", "reply.sent"), d.state().events(), "duplicates dropped, order kept");
    WebhookChanged event = (WebhookChanged) d.events().get(0);
    assertEquals(EventType.WEBHOOK_CREATED, event.type());
    assertEquals("webhook:w1", event.subject());
    assertEquals("posts case.opened, reply.sent to https://hooks.example.com", event.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://hooks.example.com/x", "hooks.example.com/x", "/relative/path", "https://",
      "https://user:pw@hooks.example.com/x", "https://token@hooks.example.com/x", "https://hooks.example.com/x#frag",
      "http://exa mple.com/", " "})
  @DisplayName("a URL that is not absolute http(s) with a host, or that carries credentials, is refused naming url")
  void badUrls(String url) {
    assertEquals("url", fieldOf(() -> WebhookLifecycle.create("w", new WebhookLifecycle.Draft(url, SECRET,
        List.of("*")), "admin", NOW)));
  }

  @Test
  @DisplayName("a secret shorter than 16 characters is refused naming secret")
  void shortSecret() {
    assertEquals("secret", fieldOf(() -> WebhookLifecycle.create("w",
        new WebhookLifecycle.Draft(URL, "fifteen-chars!!", List.of("*")), "admin", NOW)));
  }

  @Test
  @DisplayName("events must be recorded event types or *; live-only and unknown names are refused naming events")
  void events() {
    for (List<String> bad : List.of(List.<String>of(), List.of("case.reprioritized"), List.of("case.exploded"),
        List.of("reply.attempted"))) {
      assertEquals("events", fieldOf(() -> WebhookLifecycle.create("w", new WebhookLifecycle.Draft(URL, SECRET, bad),
          "admin", NOW)), bad.toString());
    }
    assertEquals(List.of("*"), WebhookLifecycle.create("w", new WebhookLifecycle.Draft(URL, SECRET,
        List.of("case.opened", "*")), "admin", NOW).state().events(), "* with others means all");
    assertTrue(WebhookLifecycle.create("w", new WebhookLifecycle.Draft(URL, SECRET, List.of("*")), "admin", NOW)
        .state().subscribes("webhook.deleted"));
  }

  @Test
  @DisplayName("rotating the secret is told as 'secret rotated', never with the secret")
  void rotate() {
    Decision<Webhook> d = WebhookLifecycle.update(created(),
        new WebhookLifecycle.Patch(null, "a-brand-new-secret-value", null, false), "root", NOW.plusSeconds(60));
    assertEquals("a-brand-new-secret-value", d.state().secret());
    assertEquals(NOW.plusSeconds(60), d.state().secretUpdatedAt());
    assertFalse(d.state().enabled());
    assertEquals(2, d.state().version());
    WebhookChanged event = (WebhookChanged) d.events().get(0);
    assertEquals(EventType.WEBHOOK_UPDATED, event.type());
    assertEquals("secret rotated; disabled", event.detail());
  }

  @Test
  @DisplayName("a change to what the endpoint already has is no change at all; an empty change is refused")
  void unchanged() {
    Webhook w = created();
    assertFalse(WebhookLifecycle.update(w, new WebhookLifecycle.Patch(URL, SECRET, List.of("case.opened"), true),
        "admin", NOW).changed());
    assertEquals("body", fieldOf(() -> WebhookLifecycle.update(w, new WebhookLifecycle.Patch(null, null, null, null),
        "admin", NOW)));
    assertEquals("events", fieldOf(() -> WebhookLifecycle.update(w, new WebhookLifecycle.Patch(null, null,
        List.of("nope"), null), "admin", NOW)));
  }

  @Test
  @DisplayName("deleting leaves a disabled tombstone without the secret; the record never prints its secret")
  void deleteAndPrint() {
    Webhook w = created();
    assertFalse(w.toString().contains(SECRET));
    assertFalse(w.toString().contains("T0K3N"), "the URL's path may carry a token");
    Decision<Webhook> d = WebhookLifecycle.delete(w, "admin", NOW);
    assertTrue(d.state().deleted());
    assertFalse(d.state().enabled());
    assertEquals("", d.state().secret());
    assertEquals(EventType.WEBHOOK_DELETED, d.events().get(0).type());
  }

  @Test
  @DisplayName("a replay starts a new round with the same body; refused while disabled or while being sent")
  void replay() {
    Webhook w = created();
    WebhookDelivery failed = WebhookDelivery.of("w1", "change.0", "case.opened", "{}", NOW).failed(500, "HTTP 500",
        NOW.plusSeconds(90));
    Decision<WebhookDelivery> d = WebhookLifecycle.replay(w, failed, "admin", NOW.plusSeconds(100));
    assertEquals(WebhookDeliveryState.PENDING, d.state().state());
    assertEquals(0, d.state().attempts());
    assertEquals(1, d.state().replays());
    assertEquals(NOW.plusSeconds(100), d.state().since());
    assertEquals("{}", d.state().body());
    assertEquals(EventType.WEBHOOK_REPLAYED, d.events().get(0).type());

    Webhook off = WebhookLifecycle.update(w, new WebhookLifecycle.Patch(null, null, null, false), "admin", NOW).state();
    assertThrows(DomainError.Conflict.class, () -> WebhookLifecycle.replay(off, failed, "admin", NOW));
    WebhookDelivery sending = new WebhookDelivery(failed.id(), "w1", "change.0", "case.opened", "{}",
        WebhookDeliveryState.SENDING, 1, null, null, NOW, NOW, NOW.plusSeconds(30), NOW, null, 0);
    assertThrows(DomainError.Conflict.class, () -> WebhookLifecycle.replay(w, sending, "admin", NOW));
    assertEquals(WebhookDeliveryState.PENDING, WebhookLifecycle.replay(w, sending, "admin", NOW.plusSeconds(31))
        .state().state(), "a claim whose lease lapsed may be replayed");
  }

  @Test
  @DisplayName("one event to one endpoint always has the same delivery id")
  void deliveryId() {
    assertEquals(WebhookDelivery.idOf("w1", "c.0"), WebhookDelivery.of("w1", "c.0", "t", "{}", NOW).id());
    assertFalse(WebhookDelivery.idOf("w1", "c.0").equals(WebhookDelivery.idOf("w2", "c.0")));
  }
}
