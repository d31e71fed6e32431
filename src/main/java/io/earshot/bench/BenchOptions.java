package io.earshot.bench;

import java.util.List;

/**
 * Command-line options of {@code earshot bench}, with defaults sized for a 2-core machine.
 * {@code --fsync on|off|both} chooses the embedded store's modes to measure (each on its own
 * fresh hub); the live latency is measured on the first.
 */
record BenchOptions(int mentions, int rounds, int rate, int seconds, List<Boolean> fsyncModes) {
  static BenchOptions parse(String[] args) {
    int mentions = 20_000;
    int rounds = 3;
    int rate = 500;
    int seconds = 20;
    List<Boolean> fsync = List.of(true, false);
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--mentions" -> mentions = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--rate" -> rate = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--fsync" -> fsync = switch (value) {
          case "on" -> List.of(true);
          case "off" -> List.of(false);
          case "both" -> List.of(true, false);
          default -> throw new IllegalArgumentException("--fsync must be on, off or both");
        };
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
    }
    return new BenchOptions(mentions, rounds, rate, seconds, fsync);
  }
}
