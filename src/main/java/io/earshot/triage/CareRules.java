package io.earshot.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Customer-care readings on top of the general rules. Complaints often carry no negative word
 * ("still waiting", "charged twice", "never arrived"), so phrases from {@code triage/care.tsv}
 * stand in for the words they cover. Politeness is not praise: "please", "hi" and "help" in a
 * request or a complaint score nothing, and thanks inside a complaint is politeness or sarcasm.
 */
final class CareRules {
  static final String RESOURCE = "triage/care.tsv";

  /** WEAK complaints ("again", "# hours") count only when something else says it is a complaint. */
  enum Kind { COMPLAINT, WEAK, PRAISE, NEUTRAL }

  /** Word valences in a plain question to the brand are scaled by this: asking is not judging. */
  static final float REQUEST_DAMPING = 0.1f;
  /** Words this strong keep their valence even inside a plain question ("is it that bad?"). */
  static final float STRONG = 2.0f;

  record Rule(String phrase, float valence, Kind kind) {
  }

  private static final Set<String> POLITE = WordSets.of("please", "pls", "plz", "help", "hi", "hello",
      "hey", "hiya", "ok", "okay", "yes", "like", "want", "sure", "hope", "care", "free", "kind",
      "well", "cheers", "x", "xx");
  /** Words that name a service rather than judge it when a customer writes to a brand. */
  private static final Set<String> SERVICE = WordSets.of("support", "help", "care", "free", "credit",
      "savings", "interest", "premium", "please", "pls", "plz", "save", "protection", "security",
      "secure", "insurance", "benefits", "rewards", "bonus", "gift");
  static final Set<String> THANKS = WordSets.of("thanks", "thank", "thx", "ty", "thankyou",
      "appreciate", "appreciated");
  private static final Set<String> SARCASM_PRONE = WordSets.of("great", "love", "nice", "cool",
      "wonderful", "fantastic", "awesome", "brilliant", "perfect", "lovely", "amazing", "classy",
      "bold", "fun", "glad", "happy", "best", "good", "excellent", "impressed", "appreciate",
      "wow", "yay", "congrats", "bravo", "genius",
      "\uD83D\uDC4D", "\uD83D\uDE42");
  /** Openers that make a request even without a question mark ("how do I reset it"). */
  private static final Set<String> QUESTION_OPENERS = WordSets.of("how", "can", "could", "do", "does",
      "is", "are", "what", "what's", "whats", "where", "which", "who", "any", "anyone");

  private final PhraseMatcher<Rule> matcher;

  CareRules(PhraseMatcher<Rule> matcher) {
    this.matcher = matcher;
  }

  void apply(Tokens t, float[] v, Evidence ev) {
    ev.request = isRequest(t);
    boolean care = CareContext.isCare(t);
    if (care) {
      applyCare(t, v, ev);
    }
    sarcasticThanks(t, v, ev);
    ClosingSarcasm.apply(t, v, ev, care);
  }

  private void applyCare(Tokens t, float[] v, Evidence ev) {
    Matches m = new Matches(t.size);
    boolean negativeWords = hasNegative(v);
    matcher.forEachMatch(t, (start, end, rule) -> m.take(start, end, rule, v, ev));
    if (m.weakCount > 1 || ev.complaintCues > 0 || negativeWords || reportsToBrand(t, v, ev)) {
      m.applyWeak(v, ev);
    }
    if (ev.complaintCues > 0 || (ev.request && t.startsWithMention)) {
      neutralizePoliteness(t, v, m.covered, ev, m.complaint);
    }
    if (t.startsWithMention) {
      neutralize(t, v, m.covered, SERVICE);
    }
  }

  /** "Thanks for ruining my week": thanks followed in its clause by something bad is sarcasm. */
  private static void sarcasticThanks(Tokens t, float[] v, Evidence ev) {
    for (int i = 0; i < t.size; i++) {
      if (v[i] <= 0 || !THANKS.contains(t.word(i))) {
        continue;
      }
      for (int j = i + 1; j < t.size && j <= i + 4 && !t.has(j - 1, Tokens.CLAUSE_END); j++) {
        if (v[j] <= -1.0f) {
          ev.cue("sarcasm", t.word(i) + " ... " + t.word(j));
          v[i] = -0.5f * v[i];
          break;
        }
      }
    }
  }

  /** Per-call record of which tokens phrases covered and which weak cues await corroboration. */
  private static final class Matches {
    final boolean[] covered;
    final int[] weakStarts;
    final Rule[] weakRules;
    int weakCount;
    float complaint;

    Matches(int size) {
      covered = new boolean[size];
      weakStarts = new int[size];
      weakRules = new Rule[size];
    }

    void take(int start, int end, Rule rule, float[] v, Evidence ev) {
      for (int i = start; i < end; i++) {
        v[i] = 0f;
        covered[i] = true;
      }
      if (rule.kind() == Kind.WEAK) {
        weakRules[weakCount] = rule;
        weakStarts[weakCount++] = start;
      } else {
        v[start] = rule.valence();
        complaint += count(rule, ev);
      }
    }

    void applyWeak(float[] v, Evidence ev) {
      for (int k = 0; k < weakCount; k++) {
        v[weakStarts[k]] = weakRules[k].valence();
        complaint += count(weakRules[k], ev);
      }
    }
  }

  /**
   * A statement (not a question) addressed to the brand without any warm word (politeness and
   * thanks do not count: they are as common in complaints as in praise, unless exclaimed:
   * "thanks!" is warm; nor do service words such as "support" or "gift"), or a question
   * asked with "??", is a report of trouble: enough to let weak cues count.
   */
  private static boolean reportsToBrand(Tokens t, float[] v, Evidence ev) {
    if (t.questions > 1) {
      return true;
    }
    if (!t.startsWithMention || ev.request) {
      return false;
    }
    for (int i = 0; i < v.length; i++) {
      String w = t.word(i);
      boolean courtesy = THANKS.contains(w) || POLITE.contains(w) || SERVICE.contains(w);
      if (v[i] >= 1.0f && (!courtesy || t.exclamations > 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasNegative(float[] v) {
    for (float x : v) {
      if (x <= -1.0f) {
        return true;
      }
    }
    return false;
  }

  /** Records the cue and returns how much the rule adds to the complaint total. */
  private static float count(Rule rule, Evidence ev) {
    if (rule.kind() != Kind.NEUTRAL) {
      ev.care(rule.phrase(), rule.kind() == Kind.PRAISE);
    }
    if (rule.kind() == Kind.PRAISE) {
      ev.praiseCues++;
    }
    if (rule.kind() != Kind.COMPLAINT && rule.kind() != Kind.WEAK) {
      return 0f;
    }
    ev.complaintCues++;
    ev.strongComplaints += rule.kind() == Kind.COMPLAINT ? 1 : 0;
    return rule.valence();
  }

  private static void neutralizePoliteness(Tokens t, float[] v, boolean[] covered, Evidence ev,
                                           float complaint) {
    boolean complaining = ev.complaintCues > 0 && ev.praiseCues == 0;
    boolean plainRequest = ev.request && t.startsWithMention && ev.complaintCues == 0
        && ev.praiseCues == 0 && t.exclamations == 0 && t.sentenceEnds <= 1;
    if (plainRequest) {
      ev.plainQuestion = true;
      ev.cue("care", "plain question");
    }
    for (int i = 0; i < t.size; i++) {
      String w = t.word(i);
      if (covered[i]) {
        continue;
      }
      if (plainRequest && !t.has(i, Tokens.EMOJI | Tokens.EMOTICON) && Math.abs(v[i]) < STRONG) {
        v[i] *= REQUEST_DAMPING;
      }
      boolean politeContext = complaining || plainRequest;
      if (v[i] > 0 && politeContext && (POLITE.contains(w) || THANKS.contains(w))) {
        v[i] = 0f;
      }
      if (v[i] > 0 && complaining && ev.strongComplaints > 0 && complaint <= -1.0f
          && SARCASM_PRONE.contains(w)) {
        ev.cue("sarcasm", w);
        v[i] = -0.5f * v[i];
      }
    }
  }

  private static void neutralize(Tokens t, float[] v, boolean[] covered, Set<String> words) {
    for (int i = 0; i < t.size; i++) {
      if (!covered[i] && v[i] > 0 && words.contains(t.word(i))) {
        v[i] = 0f;
      }
    }
  }

  private static boolean isRequest(Tokens t) {
    if (t.endsWithQuestion) {
      return true;
    }
    for (int i = 0; i < t.size; i++) {
      if (!t.has(i, Tokens.MENTION)) {
        return QUESTION_OPENERS.contains(t.word(i)) && !exclamative(t, i);
      }
    }
    return false;
  }

  /** "What a mess", "what an idea": an exclamation, not a question. */
  private static boolean exclamative(Tokens t, int i) {
    return t.word(i).equals("what") && i + 1 < t.size
        && (t.word(i + 1).equals("a") || t.word(i + 1).equals("an"));
  }

  static CareRules standard() {
    PhraseMatcher<Rule> matcher = new PhraseMatcher<>();
    FailurePhrases.addTo(matcher);
    InputStream in = CareRules.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new UncheckedIOException(new IOException("care rules resource missing: " + RESOURCE));
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        addRule(matcher, line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CareRules(matcher);
  }

  private static void addRule(PhraseMatcher<Rule> matcher, String line) {
    String[] cols = line.split("\t");
    if (line.startsWith("##") || cols.length < 3) {
      return;
    }
    Kind kind = Kind.valueOf(cols[2].strip().toUpperCase(java.util.Locale.ROOT));
    matcher.add(cols[0], new Rule(cols[0].strip(), Float.parseFloat(cols[1].strip()), kind));
  }
}
