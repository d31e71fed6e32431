package io.earshot.broadcast;

import io.earshot.domain.Platform;
import io.earshot.domain.broadcast.Pace;
import io.earshot.store.PacingStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;

/**
 * Keeps each account's broadcast traffic inside its platform's limit ({@code EARSHOT_BROADCAST_PACING}:
 * e.g. Mastodon 300 requests per 5 minutes per account, Bluesky about 1,666 record writes per
 * hour). A platform without a pace is not paced. The buckets live in MongoDB
 * ({@link PacingStore}), shared by every instance and kept across restarts.
 */
public final class NoticePacer {
  private final PacingStore buckets;
  private final Map<Platform, Pace> paces;
  private final Clock clock;

  public NoticePacer(PacingStore buckets, Map<Platform, Pace> paces, Clock clock) {
    this.buckets = buckets;
    this.paces = Map.copyOf(paces);
    this.clock = clock;
  }

  /** One request through {@code account} now: allowed, or when to ask again. */
  public Future<Pace.Admission> admit(String account, Platform platform) {
    Pace pace = paces.get(platform);
    if (pace == null) {
      return Future.succeededFuture(new Pace.Admission(true, null, clock.instant()));
    }
    return buckets.admit(account, pace, clock.instant());
  }
}
