package io.earshot.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules saw while reading one text: the human-readable cues (capped, so a long rant
 * does not produce a long explanation), how often each kind of rule fired, and the customer-care
 * facts that the sentiment model weighs and priority reuses.
 */
final class Evidence {
  static final int MAX_CUES = 10;

  private final List<String> cues = new ArrayList<>(4);
  private final List<String> complaints = new ArrayList<>(2);
  private final List<String> praise = new ArrayList<>(1);
  int sentimentWords;
  int complaintCues;
  int strongComplaints;
  int praiseCues;
  int negations;
  int sarcasm;
  int emphasis;
  int buts;
  boolean request;
  boolean plainQuestion;

  void cue(String kind, String detail) {
    switch (kind) {
      case "negation" -> negations++;
      case "sarcasm" -> sarcasm++;
      case "caps", "elongated", "booster" -> emphasis++;
      case "but" -> buts++;
      default -> {
      }
    }
    if (cues.size() < MAX_CUES) {
      cues.add(kind + ": " + detail);
    }
  }

  /** A customer-care phrase that fired: a complaint ("still waiting") or praise ("shoutout"). */
  void care(String phrase, boolean isPraise) {
    List<String> list = isPraise ? praise : complaints;
    if (list.size() < MAX_CUES) {
      list.add(phrase);
    }
    cue("care", phrase);
  }

  List<String> cues() {
    return cues;
  }

  List<String> complaintPhrases() {
    return complaints;
  }

  List<String> praisePhrases() {
    return praise;
  }

  /** The cues of one kind, without the kind prefix ("negation: not good" to "not good"). */
  List<String> cuesOf(String kind) {
    List<String> out = new ArrayList<>(2);
    String prefix = kind + ": ";
    for (String c : cues) {
      if (c.startsWith(prefix)) {
        out.add(c.substring(prefix.length()));
      }
    }
    return out;
  }
}
