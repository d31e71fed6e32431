package io.earshot.domain;

import io.earshot.error.DomainError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a note's text must be, and which {@code @names} in it may mention a user. Pure. A name
 * follows the username rules ({@code [A-Za-z0-9_.-]{2,64}}); an {@code @} inside a word (an
 * e-mail address) mentions nobody, and a trailing dot ends the sentence, not the name.
 */
public final class NoteRules {
  public static final int MAX_LENGTH = 5_000;
  public static final int MAX_MENTIONS = 20;
  private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9_.-]{2,64})");

  private NoteRules() {
  }

  /** The text stripped; fails with {@link DomainError.Invalid} naming {@code text}. */
  public static String text(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainError.Invalid("text", "is required");
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new DomainError.Invalid("text", "must be at most " + MAX_LENGTH + " characters");
    }
    if (stripped.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
      throw new DomainError.Invalid("text", "must not contain control characters");
    }
    return stripped;
  }

  /** The names written as {@code @name}, in order of appearance, each once (at most {@link #MAX_MENTIONS}). */
  public static List<String> candidates(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(text);
    while (m.find() && names.size() < MAX_MENTIONS) {
      String name = m.group(1).replaceAll("[.-]+$", "");
      if (name.length() >= 2) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }
}
