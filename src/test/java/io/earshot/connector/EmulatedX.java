package io.earshot.connector;

import io.earshot.demo.emulator.x.XEmulator;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** X through its v1.1 API (Twitter4J): four OAuth 1.0a credentials. */
final class EmulatedX extends EmulatedPlatform {
  private final XEmulator emu;

  EmulatedX(Vertx vertx) {
    this(new XEmulator(vertx));
  }

  @Override
  public void delete(String id) {
    emu.deleteTweet(id);
  }

  private EmulatedX(XEmulator emu) {
    super("x", emu);
    this.emu = emu;
  }

  @Override
  protected Set<String> publicFields() {
    return Set.of("consumerKey");
  }

  @Override
  protected Map<String, String> secrets(boolean valid) {
    return Map.of("consumerKey", XEmulator.CONSUMER_KEY, "consumerSecret", XEmulator.CONSUMER_SECRET,
        "accessToken", valid ? XEmulator.ACCESS_TOKEN : "783214-stale-access-token",
        "accessTokenSecret", XEmulator.ACCESS_TOKEN_SECRET);
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
    return emu.posted().stream().map(t -> new Posted(t.getString("id_str"),
        t.getString("in_reply_to_status_id_str"), t.getString("text"))).toList();
  }
}
