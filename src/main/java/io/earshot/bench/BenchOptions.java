package io.earshot.bench;

/** Command-line options of {@code earshot bench}, with defaults sized for a 2-core machine. */
record BenchOptions(int mentions, int rounds, int rate, int seconds) {
  static BenchOptions parse(String[] args) {
    int mentions = 20_000;
    int rounds = 3;
    int rate = 500;
    int seconds = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--mentions" -> mentions = value;
        case "--rounds" -> rounds = value;
        case "--rate" -> rate = value;
        case "--seconds" -> seconds = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new BenchOptions(mentions, rounds, rate, seconds);
  }
}
