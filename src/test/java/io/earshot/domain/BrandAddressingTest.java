package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which brand a post addresses")
class BrandAddressingTest {
  private static final List<Brand> BRANDS = List.of(
      brand("tallycloud", Map.of(Platform.SANDBOX, List.of("@TallyCloud"), Platform.MASTODON, List.of("@brand"))),
      brand("streambox", Map.of(Platform.SANDBOX, List.of("@StreamBox"),
          Platform.BLUESKY, List.of("@brand.bsky.emu"))),
      brand("tallyfans", Map.of(Platform.SANDBOX, List.of("@TallyCloudFans"))));

  private static Brand brand(String id, Map<Platform, List<String>> handles) {
    return new Brand(id, id, handles, java.time.ZoneId.of("UTC"), Instant.EPOCH, Instant.EPOCH, 1);
  }

  private static Optional<String> of(Platform p, String text) {
    return BrandAddressing.addressed(BRANDS, p, text);
  }

  @Test
  @DisplayName("the handle that comes first in the text wins, ignoring case")
  void firstHandleWins() {
    assertEquals(Optional.of("streambox"), of(Platform.SANDBOX, "@streambox and @TallyCloud both broke on me"));
    assertEquals(Optional.of("tallycloud"), of(Platform.SANDBOX, "hey @TALLYCLOUD, then @StreamBox"));
    assertEquals(Optional.of("tallycloud"), of(Platform.SANDBOX, "still waiting @TallyCloud!!"));
    assertEquals(Optional.of("tallycloud"), of(Platform.SANDBOX, "@TallyCloud."));
  }

  @Test
  @DisplayName("only a whole handle counts: a longer handle, an e-mail address or a domain is not the brand")
  void wholeHandles() {
    assertEquals(Optional.of("tallyfans"), of(Platform.SANDBOX, "@TallyCloudFans unite"));
    assertEquals(Optional.empty(), of(Platform.SANDBOX, "write to support@TallyCloud please"));
    assertEquals(Optional.empty(), of(Platform.SANDBOX, "see @TallyCloud.com"));
    assertEquals(Optional.empty(), of(Platform.SANDBOX, "@TallyCloud_help is not them"));
    assertEquals(Optional.empty(), of(Platform.MASTODON, "@brand@other.social is someone else"));
    assertEquals(Optional.of("tallycloud"), of(Platform.MASTODON, "@brand my invoices vanished"));
    assertEquals(Optional.of("streambox"), of(Platform.BLUESKY, "@brand.bsky.emu buffering again"));
  }

  @Test
  @DisplayName("handles count on their own platform only, and text that names no brand addresses none")
  void perPlatform() {
    assertEquals(Optional.empty(), of(Platform.X, "@TallyCloud on X"));
    assertEquals(Optional.empty(), of(Platform.SANDBOX, "That worked, thank you!"));
    assertEquals(Optional.empty(), of(Platform.SANDBOX, ""));
  }
}
