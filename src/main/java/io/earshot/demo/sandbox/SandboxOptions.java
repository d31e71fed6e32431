package io.earshot.demo.sandbox;

/**
 * How the sandbox runs. {@code token} is the bearer token its API accepts; {@code generate}
 * turns the live stream on (embedded mode) or off (tests that script exact input);
 * {@code backlog} mentions are written at start so a new dashboard is not empty;
 * {@code seed} makes the stream reproducible; {@code meanIntervalMillis} is the average gap
 * between generated mentions outside incident bursts.
 */
public record SandboxOptions(String token, boolean generate, int backlog, long seed,
                             long meanIntervalMillis) {
  public SandboxOptions {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the sandbox needs a non-empty token");
    }
    if (meanIntervalMillis < 50) {
      throw new IllegalArgumentException("meanIntervalMillis must be at least 50");
    }
  }

  /** Embedded mode: a live stream averaging one mention every 2 s, with a backlog of 25. */
  public static SandboxOptions live(String token, long seed) {
    return new SandboxOptions(token, true, 25, seed, 2_000);
  }

  /** Tests: no stream and no backlog; input comes only through the sandbox endpoints. */
  public static SandboxOptions quiet(String token) {
    return new SandboxOptions(token, false, 0, 1, 2_000);
  }
}
