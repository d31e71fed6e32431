package io.earshot.connector;

/**
 * Whether a reply text fits a platform before it is queued: its length as the platform counts it
 * (X weighted length, Mastodon graphemes with URLs as 23, Bluesky graphemes and bytes), the limit,
 * and a sentence for the agent when it does not fit.
 */
public record ReplyCheck(int length, int limit, boolean ok, String message) {
  public static ReplyCheck fits(int length, int limit) {
    return new ReplyCheck(length, limit, length <= limit,
        length <= limit ? null : "is " + length + " characters; the limit is " + limit);
  }
}
