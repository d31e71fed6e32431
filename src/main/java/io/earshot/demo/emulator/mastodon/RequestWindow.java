package io.earshot.demo.emulator.mastodon;

import java.time.Duration;
import java.time.Instant;

/**
 * Mastodon's per-account API limit as its server enforces it (Rack::Attack): {@code limit}
 * requests per fixed window aligned to the epoch (300 per 5 minutes by default); past it, every
 * request is answered 429 until the window ends. Each answer carries {@code X-RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset} (the window's end, ISO 8601). Off until a test sets it,
 * so scenarios that read thousands of mentions are not throttled by accident. {@code refused}
 * counts the 429s, so a test can prove a client never tripped it.
 */
final class RequestWindow {
  private int limit;
  private Duration window;
  private long windowStart;
  private int used;
  private int refused;
  private int mostInAWindow;

  /** What a request got: whether it may pass, the counts for the headers, and when the window resets. */
  record Verdict(boolean allowed, int limit, int remaining, Instant reset) {
  }

  synchronized void set(int requests, Duration per) {
    limit = requests;
    window = per;
    used = 0;
    windowStart = 0;
  }

  synchronized Verdict take(Instant now) {
    if (window == null) {
      return new Verdict(true, 300, 299, now.plusSeconds(300));
    }
    long start = now.toEpochMilli() / window.toMillis() * window.toMillis();
    if (start != windowStart) {
      windowStart = start;
      used = 0;
    }
    Instant reset = Instant.ofEpochMilli(start + window.toMillis());
    if (used >= limit) {
      refused++;
      return new Verdict(false, limit, 0, reset);
    }
    used++;
    mostInAWindow = Math.max(mostInAWindow, used);
    return new Verdict(true, limit, limit - used, reset);
  }

  synchronized int refused() {
    return refused;
  }

  synchronized int mostInAWindow() {
    return mostInAWindow;
  }
}
