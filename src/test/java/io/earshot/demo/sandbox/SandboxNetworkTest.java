package io.earshot.demo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's in-memory network")
class SandboxNetworkTest {
  private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
  private static final List<SandboxUser> BRANDS = List.of(
      new SandboxUser("b1", "NimbusAir", "Nimbus Air", 90_000, true, true),
      new SandboxUser("b2", "VoltMobile", "Volt Mobile", 80_000, true, true));

  private final SandboxNetwork network = new SandboxNetwork(Clock.fixed(T0, ZoneOffset.UTC), BRANDS);
  private final SandboxUser ana = network.customer("ana", "Ana", 10, false);

  @Test
  @DisplayName("ids ascend from the clock, so a restarted sandbox issues ids above old cursors")
  void idsAscendFromTheClock() {
    long first = Long.parseLong(network.post(ana, "@NimbusAir hi", null, "en", T0).id());
    long second = Long.parseLong(network.post(ana, "@NimbusAir again", null, "en", T0).id());
    assertEquals(T0.toEpochMilli() * 1000 + 1, first);
    assertEquals(first + 1, second);
    SandboxNetwork later = new SandboxNetwork(Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC), BRANDS);
    SandboxUser bob = later.customer("bob", "Bob", 1, false);
    assertTrue(Long.parseLong(later.post(bob, "@VoltMobile", null, "en", T0).id()) > second);
  }

  @Test
  @DisplayName("a post concerns the brand it names, or the brand whose thread it continues")
  void addressedBrand() {
    SandboxPost mention = network.post(ana, "hey @voltmobile, no signal", null, "en", T0);
    assertEquals("VoltMobile", mention.addressedBrand());
    SandboxPost reply = network.publish("k", "Sorry Ana!", mention.id()).post();
    assertEquals("VoltMobile", reply.author().handle());
    SandboxPost answer = network.post(ana, "thanks, works now", reply.id(), "en", T0);
    assertTrue(answer.isMention());
    assertEquals(mention.id(), answer.conversationId());
    assertFalse(network.post(ana, "nice day @someone", null, "en", T0).isMention());
    assertEquals(2, network.mentionsAfter(0, 10).items().size());
  }

  @Test
  @DisplayName("an idempotency key maps to one post; reusing it for another text is refused")
  void idempotentPublish() {
    SandboxPost mention = network.post(ana, "@NimbusAir bag lost", null, "en", T0);
    SandboxNetwork.Published first = network.publish("key", "On it", mention.id());
    SandboxNetwork.Published again = network.publish("key", "On it", mention.id());
    assertFalse(first.replay());
    assertTrue(again.replay());
    assertEquals(first.post().id(), again.post().id());
    assertThrows(IllegalStateException.class, () -> network.publish("key", "Other", mention.id()));
    assertThrows(IllegalArgumentException.class, () -> network.publish("k2", "x", "404"));
    assertEquals(1, network.brandPosts().size());
  }

  @Test
  @DisplayName("past the retention cap the oldest mentions are forgotten, brand posts are kept")
  void retentionCap() {
    SandboxNetwork small = new SandboxNetwork(Clock.fixed(T0, ZoneOffset.UTC), BRANDS, 3);
    SandboxUser bo = small.customer("bo", "Bo", 1, false);
    SandboxPost oldest = small.post(bo, "@NimbusAir one", null, "en", T0);
    SandboxPost reply = small.publish("k", "Hi Bo", oldest.id()).post();
    for (int i = 0; i < 3; i++) {
      small.post(bo, "@NimbusAir more " + i, null, "en", T0);
    }
    assertTrue(small.find(oldest.id()).isEmpty());
    assertEquals(3, small.mentionsAfter(0, 10).items().size());
    assertEquals(List.of(reply), small.brandPosts());
    assertTrue(small.counts(reply.id()).isPresent());
  }

  @Test
  @DisplayName("a page stops at the limit, reports more, and hands back the last id it served")
  void paging() {
    for (int i = 0; i < 5; i++) {
      network.post(ana, "@NimbusAir " + i, null, "en", T0);
    }
    long raw = network.injectRaw("garbage");
    SandboxNetwork.Page page = network.mentionsAfter(0, 5);
    assertEquals(5, page.items().size());
    assertTrue(page.more());
    SandboxNetwork.Page rest = network.mentionsAfter(page.newestId(), 5);
    assertEquals(List.of(new SandboxNetwork.RawItem("garbage")), rest.items());
    assertEquals(raw, rest.newestId());
    assertFalse(rest.more());
    assertEquals(raw, network.mentionsAfter(raw, 5).newestId());
    assertNull(network.counts("nope").orElse(null));
  }

  @Test
  @DisplayName("scripted authors cannot take a brand's handle")
  void brandHandlesAreReserved() {
    assertThrows(IllegalArgumentException.class, () -> network.customer("nimbusair", "Fake", 1, false));
    assertEquals(ana, network.customer("ana", "Other name", 5, true));
  }
}
