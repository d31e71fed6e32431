package io.earshot.connector;

import io.earshot.demo.emulator.threads.ThreadsEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Threads profile over Meta's Threads API. */
final class EmulatedThreads extends EmulatedPlatform {
  private final ThreadsEmulator emu;

  EmulatedThreads(ThreadsEmulator emu) {
    super("threads", emu);
    this.emu = emu;
  }

  /** Meta's usage header says in whole minutes when access returns, on Threads as on Graph. */
  @Override
  public Duration resetPrecision() {
    return Duration.ofSeconds(61);
  }

  @Override
  public void delete(String id) {
    emu.deleteReply(id);
  }

  @Override
  protected Map<String, String> secrets(boolean valid) {
    return Map.of("accessToken", valid ? ThreadsEmulator.TOKEN : "THAAstaleThreadsToken42");
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
    return emu.posted().stream().map(p -> new Posted(p.getString("id"), p.getString("replyTo"),
        p.getString("text"))).toList();
  }
}
