package io.earshot.connector.x;

/**
 * v1.1 timelines return the newest {@code count} tweets after {@code since_id}; when more than
 * a page arrived, the older part is reached only by walking down with {@code max_id}. X applies
 * {@code count} before it removes deleted and suspended tweets, so a short page says nothing
 * about what lies below it: the walk goes on until a page comes back empty. The
 * stored cursor therefore holds, per stream (mentions, keyword search): the highest id stored
 * ({@code seen}), and during a walk the top id it started from and the next {@code max_id}.
 * {@code seen} moves to the top only when the walk meets it, so nothing between is skipped.
 */
record XCursor(Walk mentions, Walk search) {
  static final XCursor START = new XCursor(Walk.START, Walk.START);

  /** One stream's position; ids are 0 when absent. */
  record Walk(long seen, long top, long maxId) {
    static final Walk START = new Walk(0, 0, 0);

    boolean walking() {
      return maxId > 0;
    }

    /**
     * The position after a page of {@code size} tweets whose ids span [low, high]: any tweet
     * means more may wait below it; only an empty page (nothing left above {@code seen}) ends.
     */
    Walk after(int size, long low, long high) {
      if (size == 0) {
        return new Walk(walking() ? top : seen, 0, 0);
      }
      return new Walk(seen, walking() ? top : Math.max(seen, high), low - 1);
    }
  }

  String encode() {
    return "v1:" + mentions.seen + "," + mentions.top + "," + mentions.maxId + ":"
        + search.seen + "," + search.top + "," + search.maxId;
  }

  static XCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    String[] parts = cursor.split(":");
    if (parts.length != 3 || !"v1".equals(parts[0])) {
      throw new IllegalArgumentException("unknown x cursor format");
    }
    return new XCursor(walk(parts[1]), walk(parts[2]));
  }

  private static Walk walk(String part) {
    String[] ids = part.split(",");
    return new Walk(Long.parseLong(ids[0]), Long.parseLong(ids[1]), Long.parseLong(ids[2]));
  }
}
