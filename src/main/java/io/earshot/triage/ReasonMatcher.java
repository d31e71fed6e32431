package io.earshot.triage;

import io.earshot.domain.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-label contact reasons from a {@link Taxonomy}: each phrase hit adds evidence (one hit
 * scores 0.5, two 0.75, ...; a broad word marked {@code ~} such as "~order" counts half, so it
 * needs a second cue to pass {@code minScore}), a question mark adds the reason's
 * {@code questionMark} weight, a negator up to three words before a hit cancels it for
 * negatable reasons, and reasons that
 * require a sentiment label need it; {@code fromSentiment} reasons take the sentiment's
 * strength as evidence too. Nothing matched gives {@link Taxonomy#FALLBACK}.
 */
final class ReasonMatcher {
  /** A phrase written "~order" is weak: half a hit, so it needs a second cue to count. */
  static final String WEAK_MARK = "~";
  /** Hits are counted in half-hits so the per-call tally stays a small int array. */
  private static final int STRONG_HALVES = 2;
  private static final int WEAK_HALVES = 1;

  private final Taxonomy taxonomy;
  /** Each phrase carries every reason that lists it ("not loading" is outage and defect). */
  private final PhraseMatcher<List<Cue>> phrases = new PhraseMatcher<>();
  private final PhraseMatcher<String> urgency = new PhraseMatcher<>();

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

  List<Reason> match(Tokens t) {
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
    List<Reason> out = new ArrayList<>(3);
    for (int i = 0; i < defs.size(); i++) {
      double score = score(defs.get(i), halves[i] / 2.0, t);
      if (score >= taxonomy.minScore()) {
        out.add(new Reason(defs.get(i).code(), Math.round(score * 100) / 100.0));
      }
    }
    if (out.isEmpty()) {
      return List.of(new Reason(Taxonomy.FALLBACK, 1.0));
    }
    out.sort(Comparator.comparingDouble(Reason::score).reversed());
    return out;
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
      if (WordLists.isNegator(t.word(j))) {
        return true;
      }
    }
    return false;
  }
}
