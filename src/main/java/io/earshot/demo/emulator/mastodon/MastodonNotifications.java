package io.earshot.demo.emulator.mastodon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The emulated instance's notifications: each names a status, by type ({@code mention},
 * {@code favourite}, {@code quote}), some filtered by the brand's notification policy; paged by
 * Mastodon's min_id/since_id/max_id and rendered with their status as the REST API shows them.
 * Not thread-safe: {@link MastodonState} calls it under its own lock.
 */
final class MastodonNotifications {
  private final MastodonIds ids;
  private final NavigableMap<String, JsonObject> log;
  private final Map<String, JsonObject> statuses;
  // Ids grow from the start-up time, as the statuses' do (see MastodonState).
  private long nextId = System.currentTimeMillis() * 1000;
  private Consumer<JsonObject> listener = n -> { };

  /** {@code statuses}: the instance's statuses by id, which the notifications name. */
  MastodonNotifications(MastodonIds ids, Map<String, JsonObject> statuses) {
    this.ids = ids;
    this.statuses = statuses;
    this.log = new TreeMap<>(ids.order());
  }

  /** Receives every new notification the account sees, as the REST API renders it (for the streaming API). */
  void onNotification(Consumer<JsonObject> listener) {
    this.listener = listener;
  }

  void add(JsonObject status, String type, boolean filtered) {
    String id = ids.id(nextId++);
    log.put(id, new JsonObject().put("id", id).put("type", type).put("filtered", filtered)
        .put("status_id", status.getString("id")));
    if (!filtered) {
      listener.accept(render(log.get(id)));
    }
  }

  /** A notification whose status lacks the fields every client needs. */
  void addMalformed() {
    String id = ids.id(nextId++);
    log.put(id, new JsonObject().put("id", id).put("type", "mention")
        .put("created_at", Instant.now().toString())
        .put("status", new JsonObject().put("id", (String) null).put("content", 42)));
    listener.accept(render(log.get(id)));
  }

  /** A status deleted: its notifications go too, as Mastodon does. */
  void removeOf(String statusId) {
    log.values().removeIf(n -> statusId.equals(n.getString("status_id")));
  }

  /**
   * Mastodon's min_id/since_id/max_id window, newest first, over the notifications whose type
   * is asked for; filtered ones (the account's notification policy) only with
   * {@code includeFiltered}. Ids are compared as the server compares its own.
   */
  JsonArray page(String minId, String sinceId, String maxId, int limit, Set<String> types, boolean includeFiltered) {
    NavigableMap<String, JsonObject> window = log;
    if (maxId != null) {
      window = window.headMap(maxId, false);
    }
    String lower = minId != null ? minId : sinceId;
    if (lower != null) {
      window = window.tailMap(lower, false);
    }
    // min_id pages forward from the cursor (oldest first); since_id and none take the newest.
    List<JsonObject> picked = new ArrayList<>();
    for (JsonObject n : minId != null ? window.values() : window.descendingMap().values()) {
      if (picked.size() == limit) {
        break;
      }
      boolean typed = types.isEmpty() || types.contains(n.getString("type", "mention"));
      if (typed && (includeFiltered || !n.getBoolean("filtered", false))) {
        picked.add(n);
      }
    }
    if (minId != null) {
      Collections.reverse(picked);
    }
    JsonArray out = new JsonArray();
    picked.forEach(n -> out.add(render(n)));
    return out;
  }

  private JsonObject render(JsonObject n) {
    if (!n.containsKey("status_id")) {
      return n.copy();
    }
    JsonObject status = statuses.get(n.getString("status_id"));
    return new JsonObject().put("id", n.getString("id")).put("type", n.getString("type", "mention"))
        .put("created_at", status.getString("created_at"))
        .put("account", status.getJsonObject("account")).put("status", status);
  }
}
