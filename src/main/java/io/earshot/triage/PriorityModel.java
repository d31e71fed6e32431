package io.earshot.triage;

import io.earshot.domain.Author;
import io.earshot.domain.Priority;
import io.earshot.domain.PrioritySignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Priority 0..100 as a sum of named, explained signals, each bounded by its weight in
 * {@link PriorityWeights}. Signals that add nothing are left out of the explanation.
 */
final class PriorityModel {
  static final String WAITING = "waiting";

  private final PriorityWeights w;

  PriorityModel(PriorityWeights weights) {
    this.w = weights;
  }

  Priority priority(double sentiment, List<String> urgencies, ScoringInput in, Tokens t, boolean request) {
    List<PrioritySignal> signals = new ArrayList<>(6);
    if (sentiment < 0) {
      add(signals, "negative", (int) Math.round(w.negative() * Math.min(1, -sentiment / 0.8)),
          "sentiment " + Math.round(sentiment * 100) / 100.0);
    }
    if (!urgencies.isEmpty()) {
      // Urgency stands on its own: a polite "thanks, my account was hacked" is as pressing as
      // an angry post, so one group already earns most of the weight, whatever the sentiment.
      double share = Math.min(1.0, 0.8 + 0.2 * (urgencies.size() - 1));
      add(signals, "urgency", (int) Math.round(w.urgency() * share), String.join(", ", urgencies));
    }
    reach(signals, in.author());
    if (in.vip()) {
      add(signals, "vip", w.vip(), "VIP customer");
    }
    if (in.recentContacts() > 0) {
      int capped = Math.min(in.recentContacts(), w.repeatSaturation());
      add(signals, "repeat", w.repeat() * capped / w.repeatSaturation(),
          in.recentContacts() + " recent contacts");
    }
    PrioritySignal waiting = waiting(in.waiting());
    if (waiting != null) {
      signals.add(waiting);
    }
    address(signals, t, request);
    return new Priority(total(signals), signals);
  }

  Priority rescore(Priority current, Duration waited) {
    List<PrioritySignal> previous = current == null ? List.of() : current.signals();
    List<PrioritySignal> signals = new ArrayList<>(previous.size() + 1);
    for (PrioritySignal s : previous) {
      if (!s.name().equals(WAITING)) {
        signals.add(s);
      }
    }
    PrioritySignal waiting = waiting(waited);
    if (waiting != null) {
      signals.add(waiting);
    }
    return new Priority(total(signals), signals);
  }

  private void reach(List<PrioritySignal> signals, Author author) {
    if (author == null) {
      return;
    }
    if (author.followers() > 100) {
      double share = Math.log10(author.followers() / 100.0) / Math.log10(w.reachFollowers() / 100.0);
      add(signals, "reach", (int) Math.round(w.reach() * Math.min(1, share)),
          author.followers() + " followers");
    }
    if (author.verified()) {
      add(signals, "verified", w.verified(), "verified account");
    }
  }

  /** Log scale: waiting the SLA earns a share, waiting {@code waitingSaturation} SLAs earns all. */
  private PrioritySignal waiting(Duration waited) {
    if (waited == null || waited.isNegative() || waited.isZero()) {
      return null;
    }
    double slas = (double) waited.toSeconds() / Math.max(1, w.sla().toSeconds());
    double share = Math.min(1, Math.log1p(slas) / Math.log1p(w.waitingSaturation()));
    int points = (int) Math.round(w.waiting() * share);
    // The weight's scale is not a brand's SLA (those live in the SLA policy and the case's clocks).
    String detail = "waiting " + human(waited) + " (scored on a " + human(w.sla()) + " scale)";
    return points > 0 ? new PrioritySignal(WAITING, points, detail) : null;
  }

  private void address(List<PrioritySignal> signals, Tokens t, boolean request) {
    if (t.startsWithMention && request) {
      add(signals, "direct_question", w.directQuestion(), "question addressed to the brand");
    } else if (t.startsWithMention) {
      add(signals, "direct_address", w.directAddress(), "addressed to the brand");
    }
  }

  private static void add(List<PrioritySignal> signals, String name, int points, String detail) {
    if (points > 0) {
      signals.add(new PrioritySignal(name, points, detail));
    }
  }

  private static int total(List<PrioritySignal> signals) {
    int sum = 0;
    for (PrioritySignal s : signals) {
      sum += s.points();
    }
    return Math.max(0, Math.min(100, sum));
  }

  static String human(Duration d) {
    if (d.toDays() >= 2) {
      return d.toDays() + "d";
    }
    return d.toHours() >= 1 ? d.toHours() + "h" : Math.max(0, d.toMinutes()) + "m";
  }
}
