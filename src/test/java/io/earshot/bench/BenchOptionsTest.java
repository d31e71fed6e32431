package io.earshot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Options of earshot bench")
class BenchOptionsTest {

  @Test
  @DisplayName("by default both fsync modes are measured, fsync on first")
  void defaults() {
    BenchOptions o = BenchOptions.parse(new String[0]);
    assertEquals(20_000, o.mentions());
    assertEquals(List.of(true, false), o.fsyncModes());
  }

  @Test
  @DisplayName("--fsync picks one mode; a bad value or a missing one is refused")
  void fsyncMode() {
    assertEquals(List.of(false), BenchOptions.parse(new String[] {"--fsync", "off", "--rounds", "1"}).fsyncModes());
    assertEquals(1, BenchOptions.parse(new String[] {"--fsync", "on", "--rounds", "1"}).rounds());
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--fsync", "sometimes"}));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rounds"}));
  }
}
