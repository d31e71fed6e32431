package io.earshot.problem;

import io.earshot.error.DomainError;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a Problem stands: {@code investigating → identified → fixing → resolved}. Steps may be
 * skipped forwards (a cause found and fixed at once); going back is allowed only where real work
 * goes back: a fix that did not hold returns to {@code identified} or {@code investigating}, and
 * a resolved Problem that comes back is investigated again.
 */
public enum ProblemStatus {
  INVESTIGATING, IDENTIFIED, FIXING, RESOLVED;

  private static final Map<ProblemStatus, Set<ProblemStatus>> NEXT = Map.of(
      INVESTIGATING, EnumSet.of(IDENTIFIED, FIXING, RESOLVED),
      IDENTIFIED, EnumSet.of(INVESTIGATING, FIXING, RESOLVED),
      FIXING, EnumSet.of(INVESTIGATING, IDENTIFIED, RESOLVED),
      RESOLVED, EnumSet.of(INVESTIGATING));

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean mayBecome(ProblemStatus next) {
    return NEXT.get(this).contains(next);
  }

  /** The status with this code; fails with {@link DomainError.Invalid} naming {@code field}. */
  public static ProblemStatus fromCode(String code, String field) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
        .orElseThrow(() -> new DomainError.Invalid(field, "must be one of investigating, identified, fixing, resolved"));
  }
}
