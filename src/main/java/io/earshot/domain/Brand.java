package io.earshot.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A brand the hub answers for: cases, threading, the inbox filter and (later) SLAs, reports and
 * broadcasts are scoped to one. {@code id} is a slug ({@code tallycloud}) that never changes;
 * {@code handles} are the brand's own accounts per platform, with their {@code @}, which an
 * account serving several brands ({@link #BY_HANDLE}) uses to tell which brand a post addresses;
 * {@code timeZone} is the IANA zone its business hours and reports are counted in. The brand
 * {@link #DEFAULT_ID} always exists: mentions that name no brand belong to it. Brands are made
 * and changed by {@link BrandLifecycle}; {@code version} grows with every change.
 */
public record Brand(String id, String name, Map<Platform, List<String>> handles, ZoneId timeZone,
                    Instant createdAt, Instant updatedAt, long version) {
  /** The brand of mentions that name none, and of a hub that serves one brand. */
  public static final String DEFAULT_ID = "default";
  /**
   * What an account serving several brands says instead of a brand id: each of its mentions gets
   * the brand whose handle its text addresses first, else the default brand. Never a brand id.
   */
  public static final String BY_HANDLE = "by-handle";
  /** Lower-case letters, digits and inner hyphens: safe in URLs and as a document field name. */
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  public Brand {
    Map<Platform, List<String>> copy = new EnumMap<>(Platform.class);
    (handles == null ? Map.<Platform, List<String>>of() : handles).forEach((p, list) -> {
      if (!list.isEmpty()) {
        copy.put(p, List.copyOf(list));
      }
    });
    // Unmodifiable, not copied into Map.copyOf: the platforms' order is what answers show.
    handles = Collections.unmodifiableMap(copy);
  }

  /** Whether {@code id} has the shape of a brand id (it may still name no brand). */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches() && !BY_HANDLE.equals(id);
  }

  /** The brand's handles on {@code platform}, empty when it has none there. */
  public List<String> handlesOn(Platform platform) {
    return handles.getOrDefault(platform, List.of());
  }

  /** Every handle, platform by platform in the platforms' order. */
  public List<String> allHandles() {
    List<String> all = new ArrayList<>();
    for (Platform p : Platform.values()) {
      all.addAll(handlesOn(p));
    }
    return all;
  }

  Brand withName(String next, Instant at) {
    return new Brand(id, next, handles, timeZone, createdAt, at, version);
  }

  Brand withHandles(Map<Platform, List<String>> next, Instant at) {
    return new Brand(id, name, next, timeZone, createdAt, at, version);
  }

  Brand withTimeZone(ZoneId next, Instant at) {
    return new Brand(id, name, handles, next, createdAt, at, version);
  }

  /** The same brand as the next version of {@code before}. */
  Brand after(Brand before) {
    return new Brand(id, name, handles, timeZone, createdAt, updatedAt, before.version() + 1);
  }
}
