package io.earshot.demo.sandbox;

import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.earshot.domain.BrandLifecycle;
import io.earshot.domain.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's seven demo brands as brands of the hub, created at start-up in sandbox mode: id
 * the lower-cased handle ({@code tallycloud}), the corpus's name and time zone, the sandbox
 * handle, and for the brands the Mastodon, Bluesky and X emulators speak for, their account's handle there
 * (the sandbox account reads mentions of all seven and tells them apart by handle).
 */
public final class DemoBrands {
  /** The industry whose brand each demo platform speaks for. */
  static final String MASTODON_INDUSTRY = "software";
  static final String BLUESKY_INDUSTRY = "streaming";
  static final String X_INDUSTRY = "airline";
  static final String FACEBOOK_INDUSTRY = "retail";
  static final String INSTAGRAM_INDUSTRY = "food";
  static final String THREADS_INDUSTRY = "telecom";
  /** The brand account on the Mastodon emulator. */
  static final String MASTODON_HANDLE = "brand";
  /** How customers name the brand in comments under its own Facebook and Instagram posts. */
  static final String FACEBOOK_HANDLE = "CartwheelShop";
  static final String INSTAGRAM_HANDLE = "forkfuleats";
  /** How customers name the brand in replies under its own Threads posts. */
  static final String THREADS_HANDLE = "voltmobile";

  private DemoBrands() {
  }

  public static List<BrandLifecycle.Draft> drafts() {
    return MentionCorpus.load().brandEntries().stream().map(DemoBrands::draft).toList();
  }

  private static BrandLifecycle.Draft draft(MentionCorpus.BrandEntry entry) {
    Map<String, List<String>> handles = new LinkedHashMap<>();
    handles.put(Platform.SANDBOX.code(), List.of("@" + entry.handle()));
    switch (entry.industry()) {
      case MASTODON_INDUSTRY -> handles.put(Platform.MASTODON.code(), List.of("@" + MASTODON_HANDLE));
      case BLUESKY_INDUSTRY -> handles.put(Platform.BLUESKY.code(), List.of("@" + BlueskyEmulator.HANDLE));
      case X_INDUSTRY -> handles.put(Platform.X.code(), List.of("@" + XV2Emulator.BRAND));
      default -> {
        // a brand only the sandbox network speaks for, or whose Facebook Page, Instagram account
        // or Threads profile (connectors/demo-facebook.json, demo-instagram.json, demo-threads.json)
        // names it as its brand
      }
    }
    return new BrandLifecycle.Draft(entry.handle().toLowerCase(Locale.ROOT), entry.name(), handles, entry.timeZone());
  }
}
