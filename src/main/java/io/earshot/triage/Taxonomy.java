package io.earshot.triage;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contact reasons triage recognizes (topics and speech acts) and the urgency cue groups
 * priority weighs. The default ships as {@code triage/reasons.json}; admins edit a copy that
 * {@link #load(Path)} reads, and a brand may have its own (see {@link TriageSetup}).
 * Invalid files fail with {@link IllegalArgumentException} whose message names the field, e.g.
 * {@code reasons[2].code: must match [a-z][a-z0-9_]{0,31}}.
 */
public record Taxonomy(List<ReasonDefinition> reasons, Map<String, List<String>> urgency,
                       double minScore) {
  public static final String DEFAULT_RESOURCE = "triage/reasons.json";
  /** The code given when nothing else matched; every taxonomy must define it. */
  public static final String FALLBACK = "other";
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  /** A topic says what a post is about (billing, delay); a speech act what it does (asks, complains). */
  public enum Kind { TOPIC, ACT }

  /**
   * One reason: a stable lower-case code, a label for people, whether it is a topic or a speech
   * act, the phrases that signal it (PhraseMatcher syntax, matched on lemmas), whether a negator
   * in front cancels a phrase ("not great" is no praise), the weight a question mark adds, and
   * whether the customer-care rules' complaint phrases count as evidence ({@code careComplaints}).
   * Reasons never depend on sentiment.
   */
  public record ReasonDefinition(String code, String label, Kind kind, List<String> phrases,
                                 boolean negatable, double questionMark, boolean careComplaints) {
    public ReasonDefinition {
      phrases = List.copyOf(phrases);
    }
  }

  public Taxonomy {
    reasons = List.copyOf(reasons);
    urgency = Map.copyOf(urgency);
  }

  public static Taxonomy defaults() {
    try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IOException("resource missing: " + DEFAULT_RESOURCE);
      }
      return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an admin-edited taxonomy; fails with IOException or IllegalArgumentException. */
  public static Taxonomy load(Path file) throws IOException {
    try {
      return fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  public static Taxonomy fromJson(JsonObject json) {
    JsonArray array = Json.array(json, "reasons", "reasons");
    List<ReasonDefinition> reasons = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "reasons[" + i + "]";
      ReasonDefinition def = reason(Json.object(array.getValue(i), field), field);
      if (!codes.add(def.code())) {
        throw new IllegalArgumentException(field + ".code: duplicate code '" + def.code() + "'");
      }
      reasons.add(def);
    }
    if (!codes.contains(FALLBACK)) {
      throw new IllegalArgumentException("reasons: must define the fallback code '" + FALLBACK + "'");
    }
    double minScore = Json.number(json, "minScore", "minScore", 0.3);
    if (minScore < 0 || minScore > 1) {
      throw new IllegalArgumentException("minScore: must be between 0 and 1");
    }
    return new Taxonomy(reasons, urgency(json), minScore);
  }

  private static ReasonDefinition reason(JsonObject json, String field) {
    String code = Json.string(json, "code", field + ".code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(field + ".code: must match " + CODE.pattern());
    }
    String label = json.getValue("label") == null ? code : Json.string(json, "label", field + ".label");
    List<String> phrases = Json.strings(json, "phrases", field + ".phrases");
    Object kind = json.getValue("kind");
    if (kind != null && !"topic".equals(kind) && !"act".equals(kind)) {
      throw new IllegalArgumentException(field + ".kind: must be topic or act");
    }
    if (FALLBACK.equals(code) && "act".equals(kind)) {
      throw new IllegalArgumentException(field + ".kind: the fallback '" + FALLBACK + "' is a topic");
    }
    boolean negatable = Boolean.TRUE.equals(json.getValue("negatable"));
    double questionMark = Json.number(json, "questionMark", field + ".questionMark", 0.0);
    boolean careComplaints = Boolean.TRUE.equals(json.getValue("careComplaints"));
    // "sentiment" and "fromSentiment" (earlier versions) are accepted and ignored: reasons no
    // longer depend on sentiment, so an admin's old copy still loads.
    return new ReasonDefinition(code, label, "act".equals(kind) ? Kind.ACT : Kind.TOPIC, phrases,
        negatable, questionMark, careComplaints);
  }

  private static Map<String, List<String>> urgency(JsonObject json) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    if (json.getValue("urgency") == null) {
      return groups;
    }
    JsonObject urgency = Json.object(json.getValue("urgency"), "urgency");
    for (String group : urgency.fieldNames()) {
      groups.put(group, Json.strings(urgency, group, "urgency." + group));
    }
    return groups;
  }
}
