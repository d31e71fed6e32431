package io.earshot.problem.detect;

import io.earshot.problem.Alert;
import io.earshot.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One window judged a spike: its facts, what was observed against what was expected, and when
 * the excess began ({@code startedAt}: the fact at which the window's count first passed the
 * expected level, or for sentiment the window's first fact). Pure.
 */
record Judgement(List<Fact> facts, double observed, double expected, long startedAt) {
  private static final int SAMPLES = 10;
  private static final int MIN_MOOD_HISTORY = 20;

  /** The judgement of the window ending at {@code t}, or null when it is not a spike. */
  static Judgement of(String key, KeySeries s, long t, Thresholds th, long historyStart) {
    if (s == null) {
      return null;
    }
    long w = th.window().toMillis();
    int n = s.count(t - w, t);
    if (n < th.minCount()) {
      return null;
    }
    return Keys.isSentiment(key) ? mood(s, t, w, th) : volume(s, t, w, th, historyStart, n);
  }

  private static Judgement volume(KeySeries s, long t, long w, Thresholds th, long historyStart, int n) {
    double expected = Math.max(th.floor(), Baseline.expected(s, t, w, historyStart));
    if (n < th.ratio() * expected) {
      return null;
    }
    List<Fact> facts = s.between(t - w, t);
    int first = (int) Math.min(facts.size() - 1, Math.floor(expected));
    return new Judgement(facts, n, round(expected), facts.get(first).createdAt().toEpochMilli());
  }

  /** Sentiment: the window's average against the brand's average before it (neutral without history). */
  private static Judgement mood(KeySeries s, long t, long w, Thresholds th) {
    List<Fact> facts = s.between(t - w, t);
    double mean = facts.stream().mapToDouble(Fact::sentiment).average().orElse(0);
    double[] before = s.before(Math.floorDiv(t - w, KeySeries.HOUR));
    double usual = before[0] >= MIN_MOOD_HISTORY ? before[1] / before[0] : 0.0;
    if (usual - mean < th.sentimentDrop()) {
      return null;
    }
    return new Judgement(facts, round(mean), round(usual), facts.get(0).createdAt().toEpochMilli());
  }

  /** The excess lasted: its mentions span at least the persistence (of their own time). */
  boolean persists(Thresholds th) {
    long last = facts.get(facts.size() - 1).createdAt().toEpochMilli();
    return last - startedAt >= th.persistence().toMillis();
  }

  Alert toAlert(String key, String phrase, Instant now) {
    boolean mood = Keys.isSentiment(key);
    String reason = Keys.isReason(key) ? Keys.value(key) : null;
    double excess = mood ? 1 + 10 * (expected - observed) / 2 : observed / Math.max(expected, 0.1);
    Instant started = Instant.ofEpochMilli(startedAt);
    List<String> samples = facts.stream().filter(f -> !f.createdAt().isBefore(started)).limit(SAMPLES)
        .map(Fact::mentionId).toList();
    LinkedHashSet<String> cases = new LinkedHashSet<>();
    facts.stream().filter(f -> !f.createdAt().isBefore(started) && f.caseId() != null).forEach(f -> cases.add(f.caseId()));
    return new Alert(id(key, startedAt), mood ? Alert.SENTIMENT : Alert.VOLUME, Keys.brand(key), reason, phrase,
        started, now, observed, expected, Severity.ofExcess(excess), samples, List.copyOf(cases), null);
  }

  /** Derived from what spiked and when it began, so judging the same spike again names the same alert. */
  static String id(String key, long startedAt) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((key + "@" + startedAt).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
