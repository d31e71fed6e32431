package io.earshot.find;

/**
 * The orders of a case list. Every one puts open work first (new and open, then pending, then
 * resolved), so a resolved case never sits above one still waiting; ties end on the case id, so
 * an order is total and a cursor can resume it exactly.
 */
public enum CaseSort {
  /** Most urgent first, then the latest mention. */
  PRIORITY,
  /** Latest mention first. */
  NEWEST,
  /** Earliest mention first. */
  OLDEST,
  /** Waiting longest for an answer first. */
  WAITING,
  /** Nearest SLA target first; cases without one last. */
  SLA;

  public String code() {
    return name().toLowerCase();
  }

  /** Null when {@code code} names no order. */
  public static CaseSort fromCode(String code) {
    for (CaseSort s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    return null;
  }
}
