package io.earshot.connector;

import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/** Mastodon, emulated as a server whose ids are no numbers (the stricter of the two kinds). */
final class EmulatedMastodon extends EmulatedPlatform {
  private final MastodonEmulator emu;

  EmulatedMastodon(Vertx vertx) {
    this(new MastodonEmulator(vertx, true));
  }

  @Override
  public void delete(String id) {
    emu.deleteStatus(id);
  }

  private EmulatedMastodon(MastodonEmulator emu) {
    super("mastodon", emu);
    this.emu = emu;
  }

  @Override
  protected Map<String, String> secrets(boolean valid) {
    return Map.of("accessToken", valid ? MastodonEmulator.TOKEN : "mastodon-stale-token-42");
  }


  @Override
  public List<String> mentionIds() {
    return emu.mentionIds();
  }

  @Override
  public void seedMalformed() {
    emu.seedMalformed();
  }

  @Override
  public List<Posted> posted() {
    return emu.posted().stream().map(s -> new Posted(s.getString("id"), s.getString("in_reply_to_id"),
        s.getString("source_text"))).toList();
  }
}
