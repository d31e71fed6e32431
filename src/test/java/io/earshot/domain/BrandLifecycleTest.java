package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.event.AdminEvents.BrandChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The brand lifecycle")
class BrandLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  private static Brand tally() {
    return BrandLifecycle.create(new BrandLifecycle.Draft("tallycloud", "Tally Cloud",
        Map.of("sandbox", List.of("@TallyCloud")), "Europe/Amsterdam"), "admin", NOW).state();
  }

  private static String fieldOf(Runnable call) {
    return assertThrows(DomainError.Invalid.class, call::run).field();
  }

  @Test
  @DisplayName("creating a brand tells brand.created with the brand, its handles and its time zone")
  void create() {
    Decision<Brand> d = BrandLifecycle.create(new BrandLifecycle.Draft("tallycloud", "  Tally Cloud ",
        Map.of("x", List.of("TallyCloud", "@tallycloud", "@TallyHelp")), null), "admin", NOW);
    assertEquals("Tally Cloud", d.state().name(), "the name is trimmed");
    assertEquals(List.of("@TallyCloud", "@TallyHelp"), d.state().handlesOn(Platform.X),
        "handles get their @, and the same handle in another case is one handle");
    assertEquals(ZoneId.of("UTC"), d.state().timeZone(), "no time zone is UTC");
    assertEquals(1, d.state().version());
    BrandChanged event = (BrandChanged) d.events().get(0);
    assertEquals(EventType.BRAND_CREATED, event.type());
    assertEquals("brand:tallycloud", event.subject());
    assertEquals("admin", event.actor());
    assertEquals("created Tally Cloud (handles @TallyCloud, @TallyHelp on x; time zone UTC)", event.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Tally", "tally cloud", "-tally", "tally-", "tally_cloud", "tally.cloud", "by-handle", ""})
  @DisplayName("an id that is not a lower-case slug, or is the reserved by-handle, is refused naming id")
  void badIds(String id) {
    assertEquals("id", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft(id, "Name", null, null),
        "admin", NOW)));
  }

  @Test
  @DisplayName("a bad name, platform, handle or time zone is refused naming its field")
  void badFields() {
    assertEquals("name", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", " ", null, null), "a", NOW)));
    assertEquals("name", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", "Tab\u0007", null, null),
        "a", NOW)));
    assertEquals("name", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", "half \ud800", null, null),
        "a", NOW)));
    assertEquals("handles.myspace", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", "B",
        Map.of("myspace", List.of("@b")), null), "a", NOW)));
    assertEquals("handles.x", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", "B",
        Map.of("x", List.of("@two words")), null), "a", NOW)));
    assertEquals("handles.x", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", "B",
        Map.of("x", List.of("@")), null), "a", NOW)));
    for (String zone : List.of("Mars/Olympus", "+02:00", "CET-ish", "")) {
      assertEquals("timeZone", fieldOf(() -> BrandLifecycle.create(new BrandLifecycle.Draft("b", "B", null, zone),
          "a", NOW)), zone);
    }
  }

  @Test
  @DisplayName("changing a brand tells brand.updated naming what changed, on the next version")
  void update() {
    Brand before = tally();
    Decision<Brand> d = BrandLifecycle.update(before, new BrandLifecycle.Patch("Tally", Map.of("sandbox",
        List.of("@TallyCloud"), "mastodon", List.of("@tally@cloud.social")), "Europe/Berlin"), "ann", NOW.plusSeconds(5));
    assertEquals(2, d.state().version());
    assertEquals("Tally", d.state().name());
    assertEquals(ZoneId.of("Europe/Berlin"), d.state().timeZone());
    assertEquals(NOW, d.state().createdAt());
    assertEquals(NOW.plusSeconds(5), d.state().updatedAt());
    BrandChanged event = (BrandChanged) d.events().get(0);
    assertEquals(EventType.BRAND_UPDATED, event.type());
    assertEquals("name → Tally; handles → handles @TallyCloud on sandbox; @tally@cloud.social on mastodon; "
        + "time zone → Europe/Berlin", event.detail());
  }

  @Test
  @DisplayName("changing nothing is no change, and an empty change is refused")
  void noChange() {
    Brand before = tally();
    assertFalse(BrandLifecycle.update(before, new BrandLifecycle.Patch("Tally Cloud", null, "Europe/Amsterdam"),
        "ann", NOW).changed());
    assertEquals("body", fieldOf(() -> BrandLifecycle.update(before, new BrandLifecycle.Patch(null, null, null),
        "ann", NOW)));
  }

  @Test
  @DisplayName("the default brand is a valid brand named default")
  void defaultBrand() {
    Brand b = BrandLifecycle.create(BrandLifecycle.defaultBrand(), "system:brands", NOW).state();
    assertEquals(Brand.DEFAULT_ID, b.id());
    assertTrue(b.handles().isEmpty());
    assertTrue(Brand.isValidId(Brand.DEFAULT_ID));
    assertFalse(Brand.isValidId(Brand.BY_HANDLE));
  }
}
