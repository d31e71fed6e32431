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
}
