package io.earshot.domain.approval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a rule holds something: every condition given must be true (an absent one is no
 * condition). {@code words} match at the start of a word, case-insensitively, so "refund" also
 * holds "refunded" and "Refunds" but not "prefund": for what must not go out unchecked a rare
 * extra hold costs less than a miss. {@code followersAtLeast} and {@code verified} together mean
 * "reach ≥ N or verified"; {@code authorNewerThanDays} and {@code authorFlagged} together mean "the
 * author is in their first N days or flagged by an admin".
 */
public record ApprovalConditions(List<String> words, Long followersAtLeast, Boolean verified, Double sentimentBelow,
                                 List<String> reasons, List<String> platforms, Integer authorNewerThanDays,
                                 Boolean authorFlagged, boolean always) {
  public ApprovalConditions {
    words = words == null ? List.of() : List.copyOf(words);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    platforms = platforms == null ? List.of() : List.copyOf(platforms);
  }

  /** True when nothing but {@code always} could make this rule hold. */
  public boolean isEmpty() {
    return words.isEmpty() && followersAtLeast == null && verified == null && sentimentBelow == null
        && reasons.isEmpty() && platforms.isEmpty() && authorNewerThanDays == null && authorFlagged == null;
  }

  public boolean match(ApprovalSubject s) {
    if (always) {
      return true;
    }
    return !isEmpty() && wordsMatch(s.text()) && reachMatches(s) && sentimentMatches(s.sentiment())
        && (reasons.isEmpty() || s.reasons().stream().anyMatch(reasons::contains))
        && (platforms.isEmpty() || platforms.contains(s.platform())) && authorMatches(s);
  }

  /** The first listed word or phrase found in {@code text}, or null. */
  public String firstWordIn(String text) {
    for (String word : words) {
      Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      if (text != null && p.matcher(text).find()) {
        return word;
      }
    }
    return null;
  }

  private boolean wordsMatch(String text) {
    return words.isEmpty() || firstWordIn(text) != null;
  }

  private boolean reachMatches(ApprovalSubject s) {
    if (followersAtLeast == null && verified == null) {
      return true;
    }
    boolean big = followersAtLeast != null && s.followers() >= followersAtLeast;
    boolean checked = Boolean.TRUE.equals(verified) && s.verified();
    return big || checked;
  }

  private boolean sentimentMatches(Double sentiment) {
    return sentimentBelow == null || (sentiment != null && sentiment < sentimentBelow);
  }

  private boolean authorMatches(ApprovalSubject s) {
    if (authorNewerThanDays == null && authorFlagged == null) {
      return true;
    }
    boolean flagged = authorFlagged != null && authorFlagged == s.authorFlagged();
    return flagged || authorNewerThanDays != null && (s.authorSince() == null
        || Duration.between(s.authorSince(), s.now()).compareTo(Duration.ofDays(authorNewerThanDays)) < 0);
  }
}
