package io.earshot.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a reply text fits a platform before it is queued: its length as the platform counts it
 * (X weighted length, Mastodon graphemes with URLs as 23, Bluesky graphemes and bytes), the limit,
 * and a sentence for the agent when it does not fit. {@code notes} are what the agent should know
 * although the reply may go (where it will land, a link the platform may hide); never a refusal.
 */
public record ReplyCheck(int length, int limit, boolean ok, String message, List<String> notes) {
  public ReplyCheck {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public ReplyCheck(int length, int limit, boolean ok, String message) {
    this(length, limit, ok, message, List.of());
  }

  public static ReplyCheck fits(int length, int limit) {
    return new ReplyCheck(length, limit, length <= limit,
        length <= limit ? null : "is " + length + " characters; the limit is " + limit);
  }

  /** This check refused for {@code why}, unless it was refused already (the first reason stands). */
  public ReplyCheck refused(String why) {
    return ok ? new ReplyCheck(length, limit, false, why, notes) : this;
  }

  /** This check with one more note. */
  public ReplyCheck noting(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new ReplyCheck(length, limit, ok, message, more);
  }
}
