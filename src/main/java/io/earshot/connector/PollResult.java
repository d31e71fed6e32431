package io.earshot.connector;

import io.earshot.domain.Mention;
import java.util.List;

/**
 * One page read from a platform: the mentions, the cursor to store once they are persisted,
 * how many malformed items were skipped (already logged), and whether more pages wait now.
 */
public record PollResult(List<Mention> mentions, String nextCursor, int skippedMalformed,
                         boolean more) {
  public PollResult {
    mentions = List.copyOf(mentions);
  }

  /** The newest mention's {@code createdAt}, null for an empty page: what lag is measured from. */
  public java.time.Instant newestCreatedAt() {
    return mentions.stream().map(Mention::createdAt).filter(java.util.Objects::nonNull)
        .max(java.time.Instant::compareTo).orElse(null);
  }
}
