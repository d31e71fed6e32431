package io.earshot.connector;

import io.earshot.demo.emulator.meta.MetaEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Facebook Page or an Instagram account over the Graph API, rate limits told in whole minutes. */
final class EmulatedMeta extends EmulatedPlatform {
  private final MetaEmulator emu;

  EmulatedMeta(String code, MetaEmulator emu) {
    super(code, emu);
    this.emu = emu;
  }

  @Override
  public Duration resetPrecision() {
    return Duration.ofSeconds(61);
  }

  @Override
  public void delete(String id) {
    emu.deleteComment(id);
  }

  @Override
  protected Map<String, String> secrets(boolean valid) {
    return Map.of("accessToken", valid ? MetaEmulator.PAGE_TOKEN : "EAAGstalePageToken42",
        "appSecret", MetaEmulator.APP_SECRET);
  }


  @Override
  public List<String> mentionIds() {
    return emu.mentionIds();
  }

  @Override
  public void seedMalformed() {
    emu.seedMalformed();
  }

  /** The comment a reply sits under is its thread's top-level comment. */
  @Override
  public List<Posted> posted() {
    return emu.posted().stream().map(p -> new Posted(p.getString("id"), p.getString("parent"),
        p.getString("text"))).toList();
  }
}
