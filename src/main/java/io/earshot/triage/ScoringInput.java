package io.earshot.triage;

import io.earshot.domain.Author;
import java.time.Duration;

/**
 * Everything priority may weigh besides the text: who wrote it, whether the customer is a VIP,
 * how often they contacted the brand recently, and how long the mention has waited so far; the
 * brand it was written to ({@code null}: the hub's default brand), which selects that brand's
 * contact-reason taxonomy when one is configured; and the language the platform tagged it with
 * ({@code lang}, e.g. "en", "es-MX"; {@code null} or "und" when it did not), which triage trusts
 * over its own guess.
 */
public record ScoringInput(String text, Author author, boolean vip, int recentContacts,
                           Duration waiting, String brand, String lang) {
  /** A mention to the default brand, in a language triage identifies itself. */
  public ScoringInput(String text, Author author, boolean vip, int recentContacts, Duration waiting) {
    this(text, author, vip, recentContacts, waiting, null, null);
  }

  /** A mention to {@code brand}, in a language triage identifies itself. */
  public ScoringInput(String text, Author author, boolean vip, int recentContacts, Duration waiting,
                      String brand) {
    this(text, author, vip, recentContacts, waiting, brand, null);
  }

  public static ScoringInput ofText(String text) {
    return new ScoringInput(text, null, false, 0, Duration.ZERO, null, null);
  }
}
