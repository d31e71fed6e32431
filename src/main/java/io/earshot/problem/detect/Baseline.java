package io.earshot.problem.detect;

/**
 * The level expected in a window, from the history before it: for the same hour of the week in
 * earlier weeks (with its neighbouring hours, since one week gives one noisy sample per hour), and
 * the mean hour of the last day as the recent level; the expected hour is the larger of the
 * seasonal level and half the recent one (a seasonal quiet hour after a busy day is not taken as
 * silence), or the recent level alone before a first week of history exists. Pure arithmetic;
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
    double recent = recentHour(s, startHour, firstHour);
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

  /** Mean count per hour over the (up to) 24 whole hours before {@code startHour}. */
  private static double recentHour(KeySeries s, long startHour, long firstHour) {
    long from = Math.max(firstHour, startHour - 24);
    long hours = startHour - from;
    if (hours <= 0) {
      return 0;
    }
    int n = 0;
    for (long h = from; h < startHour; h++) {
      n += s.hour(h);
    }
    return (double) n / hours;
  }
}
