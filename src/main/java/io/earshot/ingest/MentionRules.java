package io.earshot.ingest;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import java.time.Instant;
import java.util.Map;

/**
 * What a mention must satisfy before the pipeline takes it, whoever sent it (the ingest API or a
 * connector): dates in a sane range and well-formed text in every field. Each rule guards the
 * others' data: a date beyond what BSON can hold fails the write of its whole batch, and a lone
 * surrogate is encoded as U+FFFD, so {@code a\ud800} and {@code a\udbff} would become one id.
 * Pure; the first problem found is answered with the field it is in.
 */
public final class MentionRules {
  /** A problem with one field of one mention. */
  public record Problem(String field, String message) {
  }

  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
  public static final int MAX_ID = 256;
  public static final int MAX_HANDLE = 256;
  public static final int MAX_NAME = 256;
  /** Reddit's self-post limit, the longest of the supported platforms. */
  public static final int MAX_TEXT = 40_000;

  private MentionRules() {
  }

  /** The first problem with {@code m}, or null when it may be stored. */
  public static Problem check(Mention m) {
    Problem p = firstOf(id("externalId", m.externalId()), author(m.author()), text("text", m.text(), MAX_TEXT),
        createdAt(m.createdAt()), m.inReplyTo() == null ? null : id("inReplyTo", m.inReplyTo()),
        optional("url", m.url(), 2048), optional("lang", m.lang(), 16), optional("account", m.account(), MAX_ID));
    return p != null ? p : meta(m.meta());
  }

  private static Problem author(Author a) {
    if (a == null) {
      return new Problem("author", "is required");
    }
    return firstOf(id("author.id", a.id()), label("author.handle", a.handle(), MAX_HANDLE),
        label("author.name", a.name(), MAX_NAME));
  }

  /** In range, so every store and every date computation can hold it. */
  public static Problem createdAt(Instant at) {
    if (at == null) {
      return new Problem("createdAt", "is required");
    }
    if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
      return new Problem("createdAt", "'" + at + "' is outside the accepted range " + EARLIEST + " to " + LATEST);
    }
    return null;
  }

  /** A platform id: present, short, well-formed, no control characters (they never occur in real ids). */
  public static Problem id(String field, String value) {
    if (value == null || value.isBlank()) {
      return new Problem(field, "is required");
    }
    return label(field, value, MAX_ID);
  }

  /** A one-line value (id, handle, name): well-formed, bounded, no control characters. */
  public static Problem label(String field, String value, int max) {
    Problem p = optional(field, value, max);
    if (p != null || value == null) {
      return p;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return new Problem(field, "contains the control character U+%04X at position %d".formatted((int) value.charAt(i), i));
      }
    }
    return null;
  }

  /**
   * Free text: present, well-formed and bounded; line breaks and the like are the author's. An
   * empty text is allowed here (a platform may carry a post that is only media); the ingest API
   * refuses it on its own.
   */
  public static Problem text(String field, String value, int max) {
    return value == null ? new Problem(field, "is required") : optional(field, value, max);
  }

  private static Problem optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      return new Problem(field, value.length() + " characters is over the limit of " + max);
    }
    int bad = unpairedSurrogate(value);
    if (bad >= 0) {
      return new Problem(field, "is not well-formed Unicode: unpaired surrogate U+%04X at position %d"
          .formatted((int) value.charAt(bad), bad));
    }
    return null;
  }

  private static Problem meta(Map<String, String> meta) {
    for (Map.Entry<String, String> e : meta.entrySet()) {
      Problem p = firstOf(label("meta", e.getKey(), 64), optional("meta." + e.getKey(), e.getValue(), 4096));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** Index of the first surrogate that is not half of a pair, or -1 when the text is well-formed. */
  public static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static Problem firstOf(Problem... problems) {
    for (Problem p : problems) {
      if (p != null) {
        return p;
      }
    }
    return null;
  }
}
