package io.earshot.problem;

import io.earshot.domain.CareCase;
import io.earshot.problem.detect.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a case looks like a Problem's cases, with the evidence: TF-IDF weights of words and
 * word pairs (the document frequencies taken over the cases judged, a baseline of the brand's
 * recent contacts, so words every contact uses weigh little), cosine similarity against the
 * centroid of the linked cases, and whether they share a contact reason. Pure.
 */
public final class Similarity {
  private final Map<String, Double> centroid = new HashMap<>();
  private final Map<String, Integer> df = new HashMap<>();
  private final Set<String> reasons;
  private final int documents;

  /** A case's score and why: the shared reason (or null) and the shared terms that weigh most. */
  public record Evidence(double score, String reason, List<String> phrases) {
  }

  Similarity(List<CareCase> linked, List<CareCase> baseline, Set<String> reasons) {
    this.reasons = reasons;
    List<CareCase> all = new ArrayList<>(baseline);
    all.addAll(linked);
    all.forEach(c -> new HashSet<>(terms(c)).forEach(t -> df.merge(t, 1, Integer::sum)));
    this.documents = all.size();
    linked.forEach(c -> weights(c).forEach((t, w) -> centroid.merge(t, w / linked.size(), Double::sum)));
  }

  Evidence judge(CareCase c) {
    Map<String, Double> w = weights(c);
    double dot = 0;
    List<Map.Entry<String, Double>> shared = new ArrayList<>();
    for (Map.Entry<String, Double> e : w.entrySet()) {
      Double other = centroid.get(e.getKey());
      if (other != null) {
        dot += e.getValue() * other;
        shared.add(Map.entry(e.getKey(), e.getValue() * other));
      }
    }
    double cosine = dot == 0 ? 0 : dot / (norm(w) * norm(centroid));
    String reason = c.triage() == null ? null
        : c.triage().reasonCodes().stream().filter(reasons::contains).findFirst().orElse(null);
    List<String> phrases = shared.stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(4).map(Map.Entry::getKey).toList();
    return new Evidence(Math.round((0.35 * (reason == null ? 0 : 1) + 0.65 * cosine) * 1000) / 1000.0, reason, phrases);
  }

  private Map<String, Double> weights(CareCase c) {
    Map<String, Integer> tf = new HashMap<>();
    terms(c).forEach(t -> tf.merge(t, 1, Integer::sum));
    Map<String, Double> w = new HashMap<>();
    tf.forEach((t, n) -> w.put(t, n * (Math.log((documents + 1.0) / (df.getOrDefault(t, 0) + 1.0)) + 1)));
    return w;
  }

  private static List<String> terms(CareCase c) {
    String text = (c.subject() == null ? "" : c.subject()) + " " + (c.lastText() == null ? "" : c.lastText());
    List<String> terms = new ArrayList<>(Terms.words(text));
    terms.addAll(Terms.pairs(text));
    return terms;
  }

  private static double norm(Map<String, Double> w) {
    return Math.sqrt(w.values().stream().mapToDouble(v -> v * v).sum());
  }
}
