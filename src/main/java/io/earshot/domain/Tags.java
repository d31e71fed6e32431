package io.earshot.domain;

import io.earshot.error.DomainError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tag may be, on a case or in the admins' list: 1 to {@value #MAX_LENGTH} letters, digits,
 * {@code -} or {@code _}, kept in lower case (so {@code Refund} and {@code refund} are one tag),
 * at most {@value #MAX_PER_CASE} per case. Pure; refusals name the field they came in.
 */
public final class Tags {
  public static final int MAX_LENGTH = 32;
  public static final int MAX_PER_CASE = 20;
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1," + MAX_LENGTH + "}");

  private Tags() {
  }

  /** One tag, normalized; fails with {@link DomainError.Invalid} naming {@code field}. */
  public static String tag(String raw, String field) {
    String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(tag).matches()) {
      throw new DomainError.Invalid(field, "'" + clip(raw) + "' is not a tag: 1 to " + MAX_LENGTH
          + " letters, digits, - or _");
    }
    return tag;
  }

  /** A case's tags, normalized, each once, in the order given. */
  public static List<String> ofCase(List<String> raw, String field) {
    Set<String> tags = new LinkedHashSet<>();
    for (String t : raw) {
      tags.add(tag(t, field));
    }
    if (tags.size() > MAX_PER_CASE) {
      throw new DomainError.Invalid(field, "a case holds at most " + MAX_PER_CASE + " tags");
    }
    return List.copyOf(tags);
  }

  private static String clip(String raw) {
    String s = String.valueOf(raw);
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
