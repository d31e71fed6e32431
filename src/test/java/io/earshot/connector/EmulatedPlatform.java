package io.earshot.connector;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.demo.emulator.threads.ThreadsEmulator;
import io.earshot.demo.emulator.x.XEmulator;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One platform's emulator as hub-level tests need it: which credentials an account file names
 * (always as {@code ${VAR}} references), the secret values behind them, and what the emulator
 * saw (seeded mention ids, posts the brand made), so one scenario runs against every platform.
 */
public abstract class EmulatedPlatform {
  /** A post the brand made: its platform id, the id it answers, and the text as sent. */
  public record Posted(String id, String inReplyTo, String text) {
  }

  private final String code;
  private final EmulatorServer emulator;

  private EmulatedPlatform(String code, EmulatorServer emulator) {
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
      case "mastodon" -> new Mastodon(vertx);
      case "bluesky" -> new Bluesky(vertx);
      case "x" -> new X(vertx);
      case "xv2" -> new XV2(vertx);
      case "facebook" -> new Meta("facebook", new MetaEmulator(vertx, false));
      case "instagram" -> new Meta("instagram", new MetaEmulator(vertx, true));
      case "threads" -> new Threads(new ThreadsEmulator(vertx));
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

  /** The values a log must never show. */
  public abstract List<String> secretValues();

  protected abstract Map<String, String> secrets(boolean valid);

  public abstract List<String> mentionIds();

  public abstract void seedMalformed();

  public abstract List<Posted> posted();

  private static final class Mastodon extends EmulatedPlatform {
    private final MastodonEmulator emu;

    Mastodon(Vertx vertx) {
      this(new MastodonEmulator(vertx, true));
    }

    @Override
    public void delete(String id) {
      emu.deleteStatus(id);
    }

    private Mastodon(MastodonEmulator emu) {
      super("mastodon", emu);
      this.emu = emu;
    }

    @Override
    protected Map<String, String> secrets(boolean valid) {
      return Map.of("accessToken", valid ? MastodonEmulator.TOKEN : "mastodon-stale-token-42");
    }

    @Override
    public List<String> secretValues() {
      return List.of(MastodonEmulator.TOKEN, "mastodon-stale-token-42");
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

  private static final class Bluesky extends EmulatedPlatform {
    private final BlueskyEmulator emu;

    Bluesky(Vertx vertx) {
      this(new BlueskyEmulator(vertx));
    }

    @Override
    public void delete(String id) {
      emu.deletePost(id);
    }

    private Bluesky(BlueskyEmulator emu) {
      super("bluesky", emu);
      this.emu = emu;
    }

    @Override
    protected Map<String, String> secrets(boolean valid) {
      return Map.of("identifier", BlueskyEmulator.HANDLE,
          "password", valid ? BlueskyEmulator.APP_PASSWORD : "zzzz-stale-pass-word");
    }

    @Override
    public List<String> secretValues() {
      return List.of(BlueskyEmulator.APP_PASSWORD, "zzzz-stale-pass-word");
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

  private static final class X extends EmulatedPlatform {
    private final XEmulator emu;

    X(Vertx vertx) {
      this(new XEmulator(vertx));
    }

    @Override
    public void delete(String id) {
      emu.deleteTweet(id);
    }

    private X(XEmulator emu) {
      super("x", emu);
      this.emu = emu;
    }

    @Override
    protected Map<String, String> secrets(boolean valid) {
      return Map.of("consumerKey", XEmulator.CONSUMER_KEY, "consumerSecret", XEmulator.CONSUMER_SECRET,
          "accessToken", valid ? XEmulator.ACCESS_TOKEN : "783214-stale-access-token",
          "accessTokenSecret", XEmulator.ACCESS_TOKEN_SECRET);
    }

    @Override
    public List<String> secretValues() {
      return List.of(XEmulator.CONSUMER_SECRET, XEmulator.ACCESS_TOKEN, XEmulator.ACCESS_TOKEN_SECRET,
          "783214-stale-access-token");
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

  private static final class XV2 extends EmulatedPlatform {
    private final XV2Emulator emu;

    XV2(Vertx vertx) {
      this(new XV2Emulator(vertx));
    }

    private XV2(XV2Emulator emu) {
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
    protected Map<String, String> secrets(boolean valid) {
      return Map.of("consumerKey", XV2Emulator.CONSUMER_KEY, "consumerSecret", XV2Emulator.CONSUMER_SECRET,
          "accessToken", valid ? XV2Emulator.ACCESS_TOKEN : "783214-stale-access-token",
          "accessTokenSecret", XV2Emulator.ACCESS_TOKEN_SECRET);
    }

    @Override
    public List<String> secretValues() {
      return List.of(XV2Emulator.CONSUMER_SECRET, XV2Emulator.ACCESS_TOKEN, XV2Emulator.ACCESS_TOKEN_SECRET,
          "783214-stale-access-token");
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

  private static final class Meta extends EmulatedPlatform {
    private final MetaEmulator emu;

    private Meta(String code, MetaEmulator emu) {
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
    public List<String> secretValues() {
      return List.of(MetaEmulator.PAGE_TOKEN, "EAAGstalePageToken42", MetaEmulator.APP_SECRET);
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

  private static final class Threads extends EmulatedPlatform {
    private final ThreadsEmulator emu;

    private Threads(ThreadsEmulator emu) {
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
    public List<String> secretValues() {
      return List.of(ThreadsEmulator.TOKEN, "THAAstaleThreadsToken42");
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
}
