package io.earshot.connector;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.demo.emulator.threads.ThreadsEmulator;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One platform's emulator as hub-level tests need it: which credentials an account file names
 * (always as {@code ${VAR}} references), the secret values behind them, and what the emulator
 * saw (seeded mention ids, posts the brand made), so one scenario runs against every platform.
 * One subclass per platform ({@code EmulatedMastodon}, {@code EmulatedMeta}, ...).
 */
public abstract class EmulatedPlatform {
  /** A post the brand made: its platform id, the id it answers, and the text as sent. */
  public record Posted(String id, String inReplyTo, String text) {
  }

  private final String code;
  private final EmulatorServer emulator;

  EmulatedPlatform(String code, EmulatorServer emulator) {
    this.code = code;
    this.emulator = emulator;
  }

  /** Every emulated platform; "xv2" is X through its v2 API. */
  public static List<String> codes() {
    return List.of("mastodon", "bluesky", "x", "xv2", "facebook", "instagram", "threads");
  }

  /** Mastodon is emulated as a server whose ids are no numbers, the stricter of the two. */
  public static EmulatedPlatform of(String code, Vertx vertx) {
    return switch (code) {
      case "mastodon" -> new EmulatedMastodon(vertx);
      case "bluesky" -> new EmulatedBluesky(vertx);
      case "x" -> new EmulatedX(vertx);
      case "xv2" -> new EmulatedXV2(vertx);
      case "facebook" -> new EmulatedMeta("facebook", new MetaEmulator(vertx, false));
      case "instagram" -> new EmulatedMeta("instagram", new MetaEmulator(vertx, true));
      case "threads" -> new EmulatedThreads(new ThreadsEmulator(vertx));
      default -> throw new IllegalArgumentException(code);
    };
  }

  /** The name of this emulated setup (a test parameter). */
  public String code() {
    return code;
  }

  /**
   * How precisely the platform says when a rate limit ends: Meta gives whole minutes
   * ({@code estimated_time_to_regain_access}), the others a timestamp to the second.
   */
  public Duration resetPrecision() {
    return Duration.ofSeconds(1);
  }

  /** The platform code an account file names. */
  public String platformCode() {
    return code;
  }

  /** Options an account file needs for this setup besides paging. */
  public Map<String, Object> options() {
    return Map.of();
  }

  /** Deletes a seeded post on the platform; it is no longer among {@link #mentionIds()}. */
  public abstract void delete(String id);

  public EmulatorServer emulator() {
    return emulator;
  }

  @Override
  public String toString() {
    return code;
  }

  /** Credential fields of an account file, each a {@code ${PREFIX_FIELD}} reference. */
  public Map<String, String> credentialRefs(String prefix) {
    Map<String, String> refs = new LinkedHashMap<>();
    secrets(true).keySet().forEach(field -> refs.put(field, "${" + variable(prefix, field) + "}"));
    return refs;
  }

  /** The environment behind {@link #credentialRefs}; {@code valid=false} gives a refused secret. */
  public Map<String, String> env(String prefix, boolean valid) {
    Map<String, String> env = new LinkedHashMap<>();
    secrets(valid).forEach((field, value) -> env.put(variable(prefix, field), value));
    return env;
  }

  private static String variable(String prefix, String field) {
    return prefix + "_" + field.replaceAll("([A-Z])", "_$1").toUpperCase();
  }

  /** The values a log must never show: every credential, valid or refused, but the public ones. */
  public final List<String> secretValues() {
    Set<String> values = new LinkedHashSet<>();
    for (boolean valid : new boolean[] {true, false}) {
      secrets(valid).forEach((field, value) -> {
        if (!publicFields().contains(field)) {
          values.add(value);
        }
      });
    }
    return List.copyOf(values);
  }

  /** The account's credential fields, with a refused value when {@code valid} is false. */
  protected abstract Map<String, String> secrets(boolean valid);

  /** Credential fields that identify rather than authenticate (a consumer key, a handle): logs may show them. */
  protected Set<String> publicFields() {
    return Set.of();
  }

  public abstract List<String> mentionIds();

  public abstract void seedMalformed();

  public abstract List<Posted> posted();
}
