package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.domain.Brand;
import io.earshot.domain.Platform;
import io.earshot.error.DomainError;
import io.earshot.find.CaseFilter;
import io.earshot.find.CaseSort;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filter parameters of {@code GET /cases}, {@code GET /cases/counts} and saved views, read
 * into a {@link CaseFilter}; each bad value fails with {@link DomainError.Invalid} naming its
 * parameter. {@code assignee=me} becomes the caller.
 */
final class CaseListParams {
  /** The parameters a filter (and so a saved view) is made of. */
  static final List<String> FILTERS = List.of("status", "brand", "platform", "assignee", "tag", "sentiment", "reason",
      "priorityMin", "priorityMax", "sla", "from", "to", "q", "problem");
  private static final Set<String> STATUSES = Set.of("new", "open", "pending", "resolved");
  private static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");
  private static final Set<String> SLA_STATES = Set.of("ok", "warning", "breached", "paused", "met");
  private static final int MAX_VALUE = 128;
  private static final int MAX_QUERY = 500;

  private CaseListParams() {
  }

  static CaseFilter filter(MultiMap params, User caller) {
    Integer min = priority(params, "priorityMin");
    Integer max = priority(params, "priorityMax");
    if (min != null && max != null && min > max) {
      throw new DomainError.Invalid("priorityMin", "must not be above priorityMax");
    }
    Instant from = time(params, "from", false);
    Instant to = time(params, "to", true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainError.Invalid("from", "must be before to");
    }
    return new CaseFilter(statuses(params), brand(params), platform(params), assignee(params, caller),
        word(params, "tag"), oneOf(params, "sentiment", SENTIMENTS), word(params, "reason"), min, max,
        oneOf(params, "sla", SLA_STATES), from, to, query(params), word(params, "problem"), null);
  }

  static CaseSort sort(MultiMap params) {
    String code = single(params, "sort");
    if (code == null) {
      return CaseSort.PRIORITY;
    }
    CaseSort sort = CaseSort.fromCode(code);
    if (sort == null) {
      throw new DomainError.Invalid("sort", "must be one of priority, newest, oldest, waiting, sla");
    }
    return sort;
  }

  static String cursor(MultiMap params) {
    String cursor = single(params, "cursor");
    if (cursor != null && cursor.length() > 1_024) {
      throw new DomainError.Invalid("cursor", "is not a cursor this API gave");
    }
    return cursor;
  }

  private static List<String> statuses(MultiMap params) {
    List<String> found = new ArrayList<>();
    for (String value : params.getAll("status")) {
      for (String s : value.split(",")) {
        String code = s.trim();
        if (code.isEmpty()) {
          continue;
        }
        if (!STATUSES.contains(code)) {
          throw new DomainError.Invalid("status", "'" + code + "' is not one of new, open, pending, resolved");
        }
        if (!found.contains(code)) {
          found.add(code);
        }
      }
    }
    return found;
  }

  private static String brand(MultiMap params) {
    String id = single(params, "brand");
    if (id != null && !Brand.isValidId(id)) {
      throw new DomainError.Invalid("brand", "must be a brand id such as tallycloud (GET /api/v1/brands lists them)");
    }
    return id;
  }

  private static String platform(MultiMap params) {
    String code = single(params, "platform");
    if (code != null && Platform.fromCode(code).isEmpty()) {
      throw new DomainError.Invalid("platform", "'" + code + "' is not a platform code (x, mastodon, bluesky, …)");
    }
    return code;
  }

  private static String assignee(MultiMap params, User caller) {
    String who = word(params, "assignee");
    if (who == null) {
      return null;
    }
    if (who.equals("me")) {
      return caller.username();
    }
    if (who.startsWith(CaseFilter.TEAM_PREFIX) && who.length() == CaseFilter.TEAM_PREFIX.length()) {
      throw new DomainError.Invalid("assignee", "team: needs a team name (team:billing)");
    }
    return who;
  }

  private static Integer priority(MultiMap params, String name) {
    String raw = single(params, name);
    if (raw == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value < 0 || value > 100) {
        throw new DomainError.Invalid(name, "must be between 0 and 100");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(name, "'" + raw + "' is not a whole number");
    }
  }

  /** An instant (2026-03-01T10:00:00Z) or a day (2026-03-01, UTC); a day as {@code to} includes that day. */
  private static Instant time(MultiMap params, String name, boolean end) {
    String raw = single(params, name);
    if (raw == null) {
      return null;
    }
    try {
      if (raw.length() == 10) {
        LocalDate day = LocalDate.parse(raw);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid(name, "'" + raw + "' is not a date (2026-03-01) or an instant (2026-03-01T10:00:00Z)");
    }
  }

  private static String query(MultiMap params) {
    String q = single(params, "q");
    if (q != null && q.length() > MAX_QUERY) {
      throw new DomainError.Invalid("q", "must be at most " + MAX_QUERY + " characters");
    }
    return q;
  }

  private static String oneOf(MultiMap params, String name, Set<String> allowed) {
    String value = single(params, name);
    if (value != null && !allowed.contains(value)) {
      throw new DomainError.Invalid(name, "'" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  private static String word(MultiMap params, String name) {
    String value = single(params, name);
    if (value != null && (value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl))) {
      throw new DomainError.Invalid(name, "must be at most " + MAX_VALUE + " characters, without control characters");
    }
    return value;
  }

  /** The parameter's value, trimmed; null when absent or blank; a second value is an error. */
  private static String single(MultiMap params, String name) {
    List<String> values = params.getAll(name);
    if (values.size() > 1) {
      throw new DomainError.Invalid(name, "give it once");
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).trim();
  }
}
