package io.earshot.demo.sandbox;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.demo.emulator.threads.ThreadsEmulator;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's real platforms: the Mastodon, Bluesky, X, Meta Graph (a Facebook Page, an
 * Instagram account) and Threads emulators on free loopback ports, each
 * streaming a slow trickle of customer-care mentions (a pause of 0.7–1.3 × the mean between two),
 * so the sandbox hub exercises the real connectors through {@code connectors/demo-*.json}, whose
 * {@code ${EARSHOT_DEMO_*}} references {@link #variables()} resolves. {@link #start()} fails only
 * when a port cannot be bound; {@link #stop()} never fails.
 */
public final class DemoPlatforms {
  private final MastodonEmulator mastodon;
  private final BlueskyEmulator bluesky;
  private final XV2Emulator x;
  private final MetaEmulator facebook;
  private final MetaEmulator instagram;
  private final ThreadsEmulator threads;
  private final long meanIntervalMillis;
  private final long seed;

  public DemoPlatforms(Vertx vertx, long meanIntervalMillis, long seed) {
    if (meanIntervalMillis < 50) {
      throw new IllegalArgumentException("meanIntervalMillis must be at least 50");
    }
    this.mastodon = new MastodonEmulator(vertx);
    this.bluesky = new BlueskyEmulator(vertx);
    this.x = new XV2Emulator(vertx);
    this.facebook = new MetaEmulator(vertx, false);
    this.instagram = new MetaEmulator(vertx, true);
    this.threads = new ThreadsEmulator(vertx);
    this.meanIntervalMillis = meanIntervalMillis;
    this.seed = seed;
  }

  /** Binds the six emulators, then starts their streams. */
  public Future<Void> start() {
    return Future.all(List.of(mastodon.start(0), bluesky.start(0), x.start(0), facebook.start(0), instagram.start(0),
            threads.start(0)))
        .onSuccess(v -> stream()).mapEmpty();
  }

  /** Each platform speaks for one brand of one industry of the sandbox corpus. */
  private void stream() {
    MentionCorpus corpus = MentionCorpus.load();
    SplittableRandom rng = new SplittableRandom(seed);
    stream(mastodon, new DemoTexts(corpus, DemoBrands.MASTODON_INDUSTRY, DemoBrands.MASTODON_HANDLE, rng.split()));
    stream(bluesky, new DemoTexts(corpus, DemoBrands.BLUESKY_INDUSTRY, BlueskyEmulator.HANDLE, rng.split()));
    stream(x, new DemoTexts(corpus, DemoBrands.X_INDUSTRY, XV2Emulator.BRAND, rng.split()));
    // Comments under the brand's own posts; the brand slot names the brand as customers write it.
    stream(facebook, new DemoTexts(corpus, DemoBrands.FACEBOOK_INDUSTRY, DemoBrands.FACEBOOK_HANDLE, rng.split()));
    stream(instagram, new DemoTexts(corpus, DemoBrands.INSTAGRAM_INDUSTRY, DemoBrands.INSTAGRAM_HANDLE, rng.split()));
    // Replies under the profile's own Threads posts.
    stream(threads, new DemoTexts(corpus, DemoBrands.THREADS_INDUSTRY, DemoBrands.THREADS_HANDLE, rng.split()));
  }

  private void stream(EmulatorServer emulator, DemoTexts texts) {
    emulator.streamMentions(meanIntervalMillis * 7 / 10, meanIntervalMillis * 13 / 10, texts::next);
  }

  /** The values the demo account files refer to. */
  public Map<String, String> variables() {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("EARSHOT_DEMO_MASTODON_URL", mastodon.baseUrl());
    vars.put("EARSHOT_DEMO_MASTODON_TOKEN", MastodonEmulator.TOKEN);
    vars.put("EARSHOT_DEMO_BLUESKY_URL", bluesky.baseUrl());
    vars.put("EARSHOT_DEMO_BLUESKY_IDENTIFIER", BlueskyEmulator.HANDLE);
    vars.put("EARSHOT_DEMO_BLUESKY_PASSWORD", BlueskyEmulator.APP_PASSWORD);
    vars.put("EARSHOT_DEMO_X_URL", x.baseUrl());
    vars.put("EARSHOT_DEMO_X_CONSUMER_KEY", XV2Emulator.CONSUMER_KEY);
    vars.put("EARSHOT_DEMO_X_CONSUMER_SECRET", XV2Emulator.CONSUMER_SECRET);
    vars.put("EARSHOT_DEMO_X_ACCESS_TOKEN", XV2Emulator.ACCESS_TOKEN);
    vars.put("EARSHOT_DEMO_X_ACCESS_TOKEN_SECRET", XV2Emulator.ACCESS_TOKEN_SECRET);
    vars.put("EARSHOT_DEMO_FACEBOOK_URL", facebook.baseUrl());
    vars.put("EARSHOT_DEMO_INSTAGRAM_URL", instagram.baseUrl());
    vars.put("EARSHOT_DEMO_META_TOKEN", MetaEmulator.PAGE_TOKEN);
    vars.put("EARSHOT_DEMO_META_APP_SECRET", MetaEmulator.APP_SECRET);
    vars.put("EARSHOT_DEMO_THREADS_URL", threads.baseUrl());
    vars.put("EARSHOT_DEMO_THREADS_TOKEN", ThreadsEmulator.TOKEN);
    return vars;
  }

  public MastodonEmulator mastodon() {
    return mastodon;
  }

  public BlueskyEmulator bluesky() {
    return bluesky;
  }

  /** X as new apps get it today: the v2 API, billed per call (the demo account has a budget). */
  public XV2Emulator x() {
    return x;
  }

  /** The Facebook Page's Graph emulator. */
  public MetaEmulator facebook() {
    return facebook;
  }

  /** The Instagram account's Graph emulator. */
  public MetaEmulator instagram() {
    return instagram;
  }

  /** The Threads profile's emulator. */
  public ThreadsEmulator threads() {
    return threads;
  }

  public Future<Void> stop() {
    return Future.join(List.of(mastodon.stop(), bluesky.stop(), x.stop(), facebook.stop(), instagram.stop(),
            threads.stop()))
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }
}
