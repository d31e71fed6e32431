package io.earshot.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.config.ConfigException;
import io.earshot.domain.Brand;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The brand of a connector account")
class AccountBrandTest {
  private static final Path FILE = Path.of("connectors/acme.json");

  private static JsonObject account(String name) {
    return new JsonObject().put("name", name).put("platform", "mastodon").put("baseUrl", "https://m.example")
        .put("credentials", new JsonObject().put("accessToken", "t"));
  }

  private static AccountLoader.Loaded parse(JsonObject json) {
    return AccountLoader.parse(FILE, json, Map.of());
  }

  @Test
  @DisplayName("an account file without brand serves the default brand; by-handle and brand ids are read as given")
  void readsBrand() {
    assertEquals(Brand.DEFAULT_ID, parse(account("a")).account().brand());
    assertEquals("tallycloud", parse(account("b").put("brand", "tallycloud")).account().brand());
    assertEquals(Brand.BY_HANDLE, parse(account("c").put("brand", "by-handle")).account().brand());
  }

  @Test
  @DisplayName("a brand that is not a brand id stops start-up naming the file and brand")
  void refusesMalformed() {
    for (Object bad : new Object[] {"Tally Cloud", 7, "", "TALLY"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> parse(account("a").put("brand", bad)));
      assertTrue(e.getMessage().startsWith(FILE + ": brand must be"), e.getMessage());
    }
  }

  @Test
  @DisplayName("an account naming a brand that does not exist is kept but cannot run, saying why")
  void unknownBrandCannotRun() {
    List<AccountLoader.Loaded> loaded = List.of(parse(account("known").put("brand", "tallycloud")),
        parse(account("unknown").put("brand", "nosuchbrand")), parse(account("shared").put("brand", "by-handle")),
        parse(account("plain")));
    List<AccountLoader.Loaded> checked = AccountLoader.withKnownBrands(loaded, Set.of("tallycloud", Brand.DEFAULT_ID));
    assertNull(checked.get(0).problem());
    assertTrue(checked.get(1).problem().startsWith("brand 'nosuchbrand' is not a known brand"), checked.get(1).problem());
    assertNull(checked.get(2).problem(), "by-handle names no single brand");
    assertNull(checked.get(3).problem());
    assertEquals(Map.of("known", "tallycloud", "unknown", "nosuchbrand", "shared", "by-handle", "plain", "default"),
        AccountLoader.brands(loaded));
  }
}
