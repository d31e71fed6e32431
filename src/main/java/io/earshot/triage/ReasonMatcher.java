package io.earshot.triage;

import io.earshot.domain.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-label contact reasons from a {@link Taxonomy}, topics first and then speech acts. Each
 * phrase hit, matched on lemmas, adds evidence (one hit scores 0.5, two 0.75, ...; a broad word
 * marked {@code ~} such as "~order" counts half, so it needs a second cue to pass
 * {@code minScore}); a question mark adds the reason's {@code questionMark} weight; a negator up
 * to three words before a hit cancels it for negatable reasons; {@code careComplaints} reasons
 * count the care rules' complaint phrases ("still waiting") as hits. No topic matched gives
 * {@link Taxonomy#FALLBACK}. Sentiment plays no part.
 */
final class ReasonMatcher {
  /** A phrase written "~order" is weak: half a hit, so it needs a second cue to count. */
  static final String WEAK_MARK = "~";
  /** Hits are counted in half-hits so the per-call tally stays a small int array. */
  private static final int STRONG_HALVES = 2;
  private static final int WEAK_HALVES = 1;
  private static final Comparator<Reason> STRONGEST = Comparator.comparingDouble(Reason::score).reversed();

  private final Taxonomy taxonomy;
  /** Each phrase carries every reason that lists it ("not loading" is outage and defect). */
  private final PhraseMatcher<List<Cue>> phrases = PhraseMatcher.onLemmas();
  private final PhraseMatcher<String> urgency = PhraseMatcher.onLemmas();

  /** A phrase hit: the reason it is evidence for and how much it counts. */
  private record Cue(int reason, int halves) {
  }

  ReasonMatcher(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    Map<String, List<Cue>> cues = new LinkedHashMap<>();
    List<Taxonomy.ReasonDefinition> reasons = taxonomy.reasons();
    for (int i = 0; i < reasons.size(); i++) {
      for (String phrase : reasons.get(i).phrases()) {
        boolean weak = phrase.startsWith(WEAK_MARK);
        String key = (weak ? phrase.substring(1) : phrase).strip().toLowerCase(Locale.ROOT);
        Cue cue = new Cue(i, weak ? WEAK_HALVES : STRONG_HALVES);
        cues.computeIfAbsent(key, k -> new ArrayList<>(1)).add(cue);
      }
    }
    cues.forEach((phrase, list) -> phrases.add(phrase, List.copyOf(list)));
    taxonomy.urgency().forEach((group, list) -> list.forEach(p -> urgency.add(p, group)));
  }

  List<Reason> match(Tokens t, Evidence ev) {
    List<Taxonomy.ReasonDefinition> defs = taxonomy.reasons();
    int[] halves = new int[defs.size()];
    phrases.forEachMatch(t, (start, end, cues) -> {
      for (int k = 0; k < cues.size(); k++) {
        Cue cue = cues.get(k);
        if (!(defs.get(cue.reason()).negatable() && negated(t, start))) {
          halves[cue.reason()] += cue.halves();
        }
      }
    });
    List<Reason> topics = new ArrayList<>(3);
    List<Reason> acts = new ArrayList<>(2);
    for (int i = 0; i < defs.size(); i++) {
      Taxonomy.ReasonDefinition def = defs.get(i);
      int evidence = halves[i] + (def.careComplaints() ? STRONG_HALVES * Math.min(2, ev.complaintCues) : 0);
      double score = score(def, evidence / 2.0, t);
      if (score >= taxonomy.minScore()) {
        (def.kind() == Taxonomy.Kind.ACT ? acts : topics).add(new Reason(def.code(), Math.round(score * 100) / 100.0));
      }
    }
    topics.sort(STRONGEST);
    acts.sort(STRONGEST);
    if (topics.isEmpty()) {
      topics.add(new Reason(Taxonomy.FALLBACK, 1.0));
    }
    topics.addAll(acts);
    return topics;
  }

  private static double score(Taxonomy.ReasonDefinition def, double hits, Tokens t) {
    double score = 1 - Math.pow(0.5, hits);
    if (t.questions > 0 && def.questionMark() > 0) {
      score = 1 - (1 - score) * (1 - def.questionMark());
    }
    return score;
  }

  /** Distinct urgency groups ("outage", "safety", ...) whose cues occur in the text. */
  List<String> urgencies(Tokens t) {
    List<String> groups = new ArrayList<>(2);
    urgency.forEachMatch(t, (start, end, group) -> {
      if (!negated(t, start) && !groups.contains(group)) {
        groups.add(group);
      }
    });
    return groups;
  }

  static boolean negated(Tokens t, int start) {
    for (int j = start - 1; j >= 0 && j >= start - 3; j--) {
      if (t.has(j, Tokens.CLAUSE_END)) {
        return false;
      }
      if (t.is(j, WordClasses.NEGATOR)) {
        return true;
      }
    }
    return false;
  }
}
