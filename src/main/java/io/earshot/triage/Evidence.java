package io.earshot.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * What fired while scoring one text: the human-readable cues shown to agents (capped, so a long
 * rant does not produce a long explanation) and the customer-care facts priority reuses.
 */
final class Evidence {
  static final int MAX_CUES = 10;

  private final List<String> cues = new ArrayList<>(4);
  int sentimentWords;
  int complaintCues;
  int strongComplaints;
  int praiseCues;
  boolean request;

  void cue(String kind, String detail) {
    if (cues.size() < MAX_CUES) {
      cues.add(kind + ": " + detail);
    }
  }

  List<String> cues() {
    return cues;
  }
}
