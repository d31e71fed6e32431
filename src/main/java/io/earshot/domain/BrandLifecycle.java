package io.earshot.domain;

import io.earshot.domain.event.AdminEvents.BrandChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The life of a brand as pure functions: an admin (or start-up seeding) creates one, and changes
 * its name, handles or time zone; each answers the new record and its {@code brand.created} or
 * {@code brand.updated} event, or {@link DomainError.Invalid} naming the field at fault. The id
 * never changes, since cases and mentions carry it. Changing nothing is no change.
 */
public final class BrandLifecycle {
  static final int MAX_NAME = 100;
  static final int MAX_HANDLE = 256;
  static final int MAX_HANDLES = 20;
  private static final String UTC = "UTC";

  private BrandLifecycle() {
  }

  /** What an admin (or {@code brands.json}) creates; {@code handles} by platform code, null for none. */
  public record Draft(String id, String name, Map<String, List<String>> handles, String timeZone) {
  }

  /** What an admin changes; null fields stay as they are ({@code handles} replaces them all). */
  public record Patch(String name, Map<String, List<String>> handles, String timeZone) {
    public boolean empty() {
      return name == null && handles == null && timeZone == null;
    }
  }

  /** The brand that always exists, for mentions that name none. */
  public static Draft defaultBrand() {
    return new Draft(Brand.DEFAULT_ID, "Default brand", Map.of(), UTC);
  }

  public static Decision<Brand> create(Draft draft, String actor, Instant at) {
    Brand b = new Brand(id(draft.id()), name(draft.name()), handles(draft.handles()),
        timeZone(draft.timeZone() == null ? UTC : draft.timeZone()), at, at, 1);
    String detail = "created " + b.name() + " (" + describeHandles(b) + "; time zone " + b.timeZone() + ")";
    return new Decision<>(b, List.of(new BrandChanged(EventType.BRAND_CREATED, b, actor, detail, at)));
  }

  public static Decision<Brand> update(Brand b, Patch patch, String actor, Instant at) {
    if (patch.empty()) {
      throw new DomainError.Invalid("body", "give at least one of name, handles, timeZone");
    }
    Brand after = b;
    List<String> changed = new ArrayList<>();
    if (patch.name() != null && !name(patch.name()).equals(b.name())) {
      after = after.withName(name(patch.name()), at);
      changed.add("name → " + after.name());
    }
    if (patch.handles() != null && !handles(patch.handles()).equals(b.handles())) {
      after = after.withHandles(handles(patch.handles()), at);
      changed.add("handles → " + describeHandles(after));
    }
    if (patch.timeZone() != null && !timeZone(patch.timeZone()).equals(b.timeZone())) {
      after = after.withTimeZone(timeZone(patch.timeZone()), at);
      changed.add("time zone → " + after.timeZone());
    }
    if (changed.isEmpty()) {
      return Decision.unchanged(b);
    }
    Brand decided = after.after(b);
    return new Decision<>(decided, List.of(new BrandChanged(EventType.BRAND_UPDATED, decided, actor,
        String.join("; ", changed), at)));
  }

  static String id(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new DomainError.Invalid("id", "is required");
    }
    if (Brand.BY_HANDLE.equals(raw)) {
      throw new DomainError.Invalid("id", "'" + Brand.BY_HANDLE + "' is reserved for accounts that serve several brands");
    }
    if (!Brand.isValidId(raw)) {
      throw new DomainError.Invalid("id", "must be 1 to 64 lower-case letters, digits and inner hyphens, "
          + "such as tallycloud or nimbus-air");
    }
    return raw;
  }

  static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw new DomainError.Invalid("name", "is required");
    }
    if (name.length() > MAX_NAME) {
      throw new DomainError.Invalid("name", "is longer than " + MAX_NAME + " characters");
    }
    if (!printable(name)) {
      throw new DomainError.Invalid("name", "must be well-formed text without control characters");
    }
    return name;
  }

  /** Known platform codes to handles, each with its {@code @}, duplicates (ignoring case) dropped. */
  static Map<Platform, List<String>> handles(Map<String, List<String>> raw) {
    Map<Platform, List<String>> out = new EnumMap<>(Platform.class);
    if (raw == null) {
      return out;
    }
    raw.forEach((code, list) -> {
      Platform p = Platform.fromCode(code).orElseThrow(() -> new DomainError.Invalid("handles." + code,
          "'" + code + "' is not one of x, mastodon, bluesky, reddit, facebook, instagram, threads, sandbox"));
      if (list.size() > MAX_HANDLES) {
        throw new DomainError.Invalid("handles." + code, "at most " + MAX_HANDLES + " handles per platform");
      }
      Map<String, String> unique = new LinkedHashMap<>();
      for (String h : list) {
        String handle = handle(code, h);
        unique.putIfAbsent(handle.toLowerCase(Locale.ROOT), handle);
      }
      if (!unique.isEmpty()) {
        out.put(p, List.copyOf(unique.values()));
      }
    });
    return out;
  }

  private static String handle(String code, String raw) {
    String h = raw == null ? "" : raw.strip();
    h = h.startsWith("@") ? h : "@" + h;
    if (h.length() < 2 || h.length() > MAX_HANDLE) {
      throw new DomainError.Invalid("handles." + code, "a handle is 1 to " + (MAX_HANDLE - 1) + " characters after its @");
    }
    if (!printable(h) || h.codePoints().anyMatch(Character::isWhitespace)) {
      throw new DomainError.Invalid("handles." + code, "a handle has no spaces or control characters");
    }
    return h;
  }

  /** An IANA zone id such as {@code Europe/Berlin}; fixed offsets are refused, they ignore daylight saving. */
  static ZoneId timeZone(String raw) {
    String zone = raw == null ? "" : raw.strip();
    if (zone.equals(UTC)) {
      return ZoneId.of(UTC);
    }
    try {
      if (ZoneId.getAvailableZoneIds().contains(zone)) {
        return ZoneId.of(zone);
      }
    } catch (DateTimeException e) {
      // refused below
    }
    throw new DomainError.Invalid("timeZone", "'" + zone + "' is not an IANA time zone such as Europe/Berlin or UTC");
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
        return false;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static String describeHandles(Brand b) {
    Set<String> parts = new TreeSet<>();
    b.handles().forEach((p, list) -> parts.add(String.join(", ", list) + " on " + p.code()));
    return parts.isEmpty() ? "no handles" : "handles " + String.join("; ", parts);
  }
}
