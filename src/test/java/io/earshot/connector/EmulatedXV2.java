package io.earshot.connector;

import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** X through its v2 API: an account file for platform {@code x} with {@code api: v2}. */
final class EmulatedXV2 extends EmulatedPlatform {
  private final XV2Emulator emu;

  EmulatedXV2(Vertx vertx) {
    this(new XV2Emulator(vertx));
  }

  private EmulatedXV2(XV2Emulator emu) {
    super("xv2", emu);
    this.emu = emu;
  }

  @Override
  public String platformCode() {
    return "x";
  }

  @Override
  public Map<String, Object> options() {
    return Map.of("api", "v2");
  }

  @Override
  public void delete(String id) {
    emu.deletePost(id);
  }

  @Override
  protected Set<String> publicFields() {
    return Set.of("consumerKey");
  }

  @Override
  protected Map<String, String> secrets(boolean valid) {
    return Map.of("consumerKey", XV2Emulator.CONSUMER_KEY, "consumerSecret", XV2Emulator.CONSUMER_SECRET,
        "accessToken", valid ? XV2Emulator.ACCESS_TOKEN : "783214-stale-access-token",
        "accessTokenSecret", XV2Emulator.ACCESS_TOKEN_SECRET);
  }


  @Override
  public List<String> mentionIds() {
    return emu.mentionIds();
  }

  @Override
  public void seedMalformed() {
    emu.seedMalformed();
  }

  /** The text as the brand sent it; X stores it behind the @-prefix it adds to a reply. */
  @Override
  public List<Posted> posted() {
    return emu.posted().stream().map(p -> new Posted(p.getString("id"), p.getJsonArray("referenced_tweets") == null ? null
        : p.getJsonArray("referenced_tweets").getJsonObject(0).getString("id"), p.getString("source_text"))).toList();
  }
}
