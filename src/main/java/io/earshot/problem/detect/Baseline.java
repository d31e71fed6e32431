package io.earshot.problem.detect;

/**
 * The level expected in a window, from the history before it: for the same hour of the week in
 * earlier weeks (with its neighbouring hours, since one week gives one noisy sample per hour), and
 * the mean hour of the (up to) last day before the window as the recent level, counted from the
 * facts themselves so a hub a few hours old already has one; the expected hour is the larger of
 * the seasonal level and half the recent one (a seasonal quiet hour after a busy day is not taken
 * as silence), or the recent level alone before a first week of history exists. Pure arithmetic;
 * the cold-start floor is applied by the caller.
 */
final class Baseline {
  static final long WEEK_HOURS = 7 * 24;
  private static final int MAX_WEEKS = 4;

  private Baseline() {
  }

  /** Expected count in the window {@code (end - window, end]}; {@code historyStart}: the first fact's time. */
  static double expected(KeySeries s, long end, long window, long historyStart) {
    long startHour = Math.floorDiv(end - window, KeySeries.HOUR);
    long firstHour = Math.floorDiv(historyStart, KeySeries.HOUR);
    double recent = recentHour(s, end - window, historyStart, window);
    double seasonal = 0;
    int weeks = 0;
    for (int k = 1; k <= MAX_WEEKS; k++) {
      long h = startHour - k * WEEK_HOURS;
      if (h - 1 < firstHour) {
        break;
      }
      seasonal += (s.hour(h - 1) + s.hour(h) + s.hour(h + 1)) / 3.0;
      weeks++;
    }
    double perHour = weeks == 0 ? recent : Math.max(seasonal / weeks, recent / 2);
    return perHour * window / KeySeries.HOUR;
  }

  /**
   * Mean count per hour in the day before the window (or since history began, when that is
   * shorter); 0 with less than one window of history before it (a cold start: the floor applies).
   */
  private static double recentHour(KeySeries s, long windowStart, long historyStart, long window) {
    long from = Math.max(historyStart, windowStart - 24 * KeySeries.HOUR);
    long span = windowStart - from;
    if (span < window) {
      return 0;
    }
    return s.count(from, windowStart) * (double) KeySeries.HOUR / span;
  }
}
