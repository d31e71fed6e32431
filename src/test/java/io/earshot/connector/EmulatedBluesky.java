package io.earshot.connector;

import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bluesky over the AT Protocol: an app password, posts named by their {@code at://} URI. */
final class EmulatedBluesky extends EmulatedPlatform {
  private final BlueskyEmulator emu;

  EmulatedBluesky(Vertx vertx) {
    this(new BlueskyEmulator(vertx));
  }

  @Override
  public void delete(String id) {
    emu.deletePost(id);
  }

  private EmulatedBluesky(BlueskyEmulator emu) {
    super("bluesky", emu);
    this.emu = emu;
  }

  @Override
  protected Set<String> publicFields() {
    return Set.of("identifier");
  }

  @Override
  protected Map<String, String> secrets(boolean valid) {
    return Map.of("identifier", BlueskyEmulator.HANDLE,
        "password", valid ? BlueskyEmulator.APP_PASSWORD : "zzzz-stale-pass-word");
  }


  @Override
  public List<String> mentionIds() {
    return emu.mentionUris();
  }

  @Override
  public void seedMalformed() {
    emu.seedMalformed();
  }

  @Override
  public List<Posted> posted() {
    return emu.created().stream().map(p -> {
      JsonObject record = p.getJsonObject("record");
      JsonObject reply = record.getJsonObject("reply");
      return new Posted(p.getString("uri"), reply == null ? null
          : reply.getJsonObject("parent").getString("uri"), record.getString("text"));
    }).toList();
  }
}
