package io.earshot.triage;

import io.earshot.domain.Author;
import java.time.Duration;

/**
 * Everything priority may weigh besides the text: who wrote it, whether the customer is a VIP,
 * how often they contacted the brand recently, and how long the mention has waited so far.
 */
public record ScoringInput(String text, Author author, boolean vip, int recentContacts,
                           Duration waiting) {
  public static ScoringInput ofText(String text) {
    return new ScoringInput(text, null, false, 0, Duration.ZERO);
  }
}
