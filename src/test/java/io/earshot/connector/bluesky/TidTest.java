package io.earshot.connector.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TidTest {
  private static final String TID_SYNTAX = "^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$";

  @Test
  @DisplayName("TIDs are 13 base32-sortable characters with the top bit clear")
  void encoding() {
    assertEquals("2222222222222", Tid.of(0, 0));
    assertEquals("2222222222223", Tid.of(0, 1));
    assertTrue(Tid.of((1L << 53) - 1, 1023).matches(TID_SYNTAX));
    assertTrue(Tid.of(1_000, 0).compareTo(Tid.of(2_000, 0)) < 0, "later TIDs sort later");
  }

  @Test
  @DisplayName("the same idempotency key gives the same record key; different keys or repos differ")
  void deterministic() {
    String key = Tid.fromKey("did:plc:abc", "reply-1");
    assertEquals(key, Tid.fromKey("did:plc:abc", "reply-1"));
    assertNotEquals(key, Tid.fromKey("did:plc:abc", "reply-2"));
    assertNotEquals(key, Tid.fromKey("did:plc:other", "reply-1"));
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String tid = Tid.fromKey("did:plc:abc", "k" + i);
      assertTrue(tid.matches(TID_SYNTAX), tid);
      keys.add(tid);
    }
    assertEquals(10_000, keys.size());
  }
}
