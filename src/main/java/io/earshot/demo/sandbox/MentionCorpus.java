package io.earshot.demo.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the sandbox's customers use: per-industry brands, templates by kind (complaint,
 * question, praise, sarcasm), incidents, follow-ups and foreign-language lines, read from
 * {@code sandbox/corpus.json}. {@link #fill} expands slots so a few hundred templates yield
 * thousands of distinct texts. Loading fails with {@link IllegalStateException} when the resource
 * is missing or broken, which is a packaging bug.
 */
public final class MentionCorpus {
  public static final String RESOURCE = "sandbox/corpus.json";
  private static final Pattern SLOT = Pattern.compile("\\{(#(\\d+)-(\\d+)|[a-zA-Z]+)}");
  // Slot values may name other slots; the bound stops a corpus typo from looping forever.
  private static final int MAX_EXPANSIONS = 4;

  /** A demo brand as the corpus describes it: its industry, handle, name and IANA time zone. */
  public record BrandEntry(String industry, String handle, String name, String timeZone) {
  }

  /** A line in a language other than English, with its BCP-47 code. */
  public record Foreign(String lang, String text) {
  }

  private final JsonObject root;
  private final List<SandboxUser> brands = new ArrayList<>();

  private MentionCorpus(JsonObject root) {
    this.root = root;
    int n = 0;
    for (String industry : industries()) {
      for (Object b : industry(industry).getJsonArray("brands")) {
        JsonObject brand = (JsonObject) b;
        n++;
        brands.add(new SandboxUser("b" + n, brand.getString("handle"), brand.getString("name"),
            40_000L + 23_917L * n, true, true));
      }
    }
  }

  /**
   * Reads the bundled corpus. A one-off classpath read of a few kilobytes at start-up; callers on
   * an event loop may accept that, as Vert.x does for its own configuration files.
   */
  public static MentionCorpus load() {
    try (InputStream in = MentionCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new MentionCorpus(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> industries() {
    return List.copyOf(root.getJsonObject("industries").fieldNames());
  }

  /** Every demo brand, as verified brand accounts with stable ids {@code b1..bn}. */
  public List<SandboxUser> brands() {
    return List.copyOf(brands);
  }

  /** Every demo brand with its industry and time zone, in the corpus's order. */
  public List<BrandEntry> brandEntries() {
    List<BrandEntry> entries = new ArrayList<>();
    for (String industry : industries()) {
      for (Object b : industry(industry).getJsonArray("brands")) {
        JsonObject brand = (JsonObject) b;
        entries.add(new BrandEntry(industry, brand.getString("handle"), brand.getString("name"),
            brand.getString("timeZone", "UTC")));
      }
    }
    return entries;
  }

  public String industryOf(String brandHandle) {
    for (String industry : industries()) {
      for (Object b : industry(industry).getJsonArray("brands")) {
        if (((JsonObject) b).getString("handle").equalsIgnoreCase(brandHandle)) {
          return industry;
        }
      }
    }
    throw new IllegalArgumentException("no industry has brand " + brandHandle);
  }

  /** Templates of one kind for an industry: complaint, question, praise, sarcasm, incidents. */
  public List<String> templates(String industry, String kind) {
    return strings(industry(industry).getJsonArray(kind));
  }

  /** A top-level list such as {@code burst} or {@code emoji}, or a nested one: {@code followups.own}. */
  public List<String> list(String path) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.getJsonObject(parts[i]);
    }
    return strings(node.getJsonArray(parts[parts.length - 1]));
  }

  /** Emoji lists by mood: upset, happy, sarcastic, neutral. */
  public Map<String, List<String>> emoji() {
    JsonObject moods = root.getJsonObject("emoji");
    Map<String, List<String>> byMood = new java.util.LinkedHashMap<>();
    moods.fieldNames().forEach(mood -> byMood.put(mood, strings(moods.getJsonArray(mood))));
    return byMood;
  }

  public List<Foreign> foreign() {
    return root.getJsonArray("foreign").stream().map(JsonObject.class::cast)
        .map(o -> new Foreign(o.getString("lang"), o.getString("text"))).toList();
  }

  /**
   * Expands a template: {@code {brand}} becomes "@Handle", {@code {#a-b}} a number in a..b,
   * {@code extra} values win over the industry's slots, which win over shared ones.
   */
  public String fill(String template, String industry, String brandHandle,
                     Map<String, String> extra, RandomGenerator rng) {
    String text = template;
    for (int round = 0; round < MAX_EXPANSIONS && text.indexOf('{') >= 0; round++) {
      text = expandOnce(text, industry, brandHandle, extra, rng);
    }
    return text;
  }

  private String expandOnce(String text, String industry, String brandHandle,
                            Map<String, String> extra, RandomGenerator rng) {
    Matcher m = SLOT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(slotValue(m, industry, brandHandle, extra, rng)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String slotValue(Matcher m, String industry, String brandHandle,
                           Map<String, String> extra, RandomGenerator rng) {
    String name = m.group(1);
    if (m.group(2) != null) {
      return Integer.toString(rng.nextInt(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)) + 1));
    }
    if (name.equals("brand")) {
      return "@" + brandHandle;
    }
    if (name.equals("brandHandle")) {
      return brandHandle;
    }
    if (extra.containsKey(name)) {
      return extra.get(name);
    }
    JsonArray values = industry(industry).getJsonObject("slots").getJsonArray(name);
    if (values == null) {
      values = root.getJsonObject("shared").getJsonArray(name);
    }
    if (values == null) {
      throw new IllegalStateException("corpus slot {" + name + "} is not defined for " + industry);
    }
    return values.getString(rng.nextInt(values.size()));
  }

  private JsonObject industry(String name) {
    return root.getJsonObject("industries").getJsonObject(name);
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String.class::cast).toList();
  }
}
