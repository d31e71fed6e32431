package io.earshot.connector.bluesky;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * listNotifications only pages backwards (newest first, cursor to older), so reading "what is
 * new since last time" means walking down from the top until reaching what was already stored.
 * The cursor Earshot stores carries that walk: the high-water mark {@code seenAt} (with the
 * uris at exactly that instant, since several notifications can share it), and while a walk is
 * under way, the top it started from and the platform cursor of the next older page. A restart
 * in the middle of a walk resumes it; the walk's top becomes the new mark only when it ends.
 */
record BlueskyCursor(Instant seenAt, Set<String> seenUris, Instant topAt, Set<String> topUris,
                     String page) {
  static final BlueskyCursor START = new BlueskyCursor(null, Set.of(), null, Set.of(), null);

  boolean walking() {
    return page != null;
  }

  boolean isNew(Instant at, String uri) {
    if (seenAt == null) {
      return true;
    }
    int c = at.compareTo(seenAt);
    return c > 0 || (c == 0 && !seenUris.contains(uri));
  }

  String encode() {
    JsonObject json = new JsonObject().put("v", 1)
        .put("seenAt", seenAt == null ? null : seenAt.toString()).put("seenUris", new JsonArray(seenUris.stream().toList()))
        .put("topAt", topAt == null ? null : topAt.toString()).put("topUris", new JsonArray(topUris.stream().toList()))
        .put("page", page);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toBuffer().getBytes());
  }

  static BlueskyCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    return new BlueskyCursor(instant(json.getString("seenAt")), set(json.getJsonArray("seenUris")),
        instant(json.getString("topAt")), set(json.getJsonArray("topUris")), json.getString("page"));
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }

  private static Set<String> set(JsonArray values) {
    Set<String> out = new HashSet<>();
    if (values != null) {
      values.forEach(v -> out.add(String.valueOf(v)));
    }
    return Set.copyOf(out);
  }
}
