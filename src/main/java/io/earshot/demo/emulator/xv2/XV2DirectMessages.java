package io.earshot.demo.emulator.xv2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * X v2 direct messages as the brand sees them: {@code GET /2/dm_events},
 * {@code GET /2/dm_conversations/with/:participant_id/dm_events} and
 * {@code POST /2/dm_conversations/with/:participant_id/messages}. As strict as X: string ids,
 * one-to-one conversation ids {@code <lower id>-<higher id>}, only {@code id}, {@code event_type}
 * and {@code text} unless {@code dm_event.fields} asks for more, {@code includes.users} only with
 * {@code expansions=sender_id}, an unknown query parameter (there is no {@code since_id}) is 400,
 * a deleted event keeps its slot so pages come short, and a token without the DM scopes gets
 * X's bare 403. Synchronized: tests script it from their thread.
 */
public final class XV2DirectMessages {
  private static final Set<String> PARAMS = Set.of("dm_event.fields", "event_types", "expansions", "user.fields",
      "media.fields", "tweet.fields", "max_results", "pagination_token");
  private static final Set<String> EVENT_FIELDS = Set.of("id", "text", "event_type", "created_at", "dm_conversation_id",
      "sender_id", "participant_ids", "referenced_tweets", "attachments", "entities");
  private static final Set<String> EVENT_TYPES = Set.of("MessageCreate", "ParticipantsJoin", "ParticipantsLeave");
  private final XV2State state;
  private final NavigableMap<Long, JsonObject> events = new TreeMap<>();
  private final Map<String, Long> tokens = new HashMap<>();
  private final List<JsonObject> sent = new ArrayList<>();
  private long nextId = ((System.currentTimeMillis() - 1_288_834_974_657L) << 22) + 1_000_000;
  private boolean access = true;
  private boolean loseNextAnswer;
  private long served;

  XV2DirectMessages(XV2State state) {
    this.state = state;
  }

  void routes(Router router) {
    router.get("/2/dm_events").handler(ctx -> list(ctx, e -> true));
    router.get("/2/dm_conversations/with/:participant_id/dm_events").handler(ctx ->
        list(ctx, e -> conversation(ctx.pathParam("participant_id")).equals(e.getString("dm_conversation_id"))));
    router.post("/2/dm_conversations/with/:participant_id/messages").handler(this::send);
  }

  /** A message from the author of public post {@code postId} to the brand; its event id. */
  public synchronized String seedFrom(String postId, String text) {
    String sender = state.post(postId).getString("author_id");
    return add(sender, text, Instant.now()).getString("id");
  }

  /** Whether the token holds {@code dm.read dm.write}; without, every DM call is 403. */
  public synchronized void access(boolean granted) {
    access = granted;
  }

  synchronized boolean granted() {
    return access;
  }

  public synchronized boolean delete(String eventId) {
    JsonObject e = events.get(Long.parseLong(eventId));
    if (e == null) {
      return false;
    }
    e.put("deleted", true);
    return true;
  }

  /** The next send is stored but answered 503, as when X's answer is lost on the way. */
  public synchronized void loseNextAnswer() {
    loseNextAnswer = true;
  }

  /** Every message the brand sent, as stored. */
  public synchronized List<JsonObject> sent() {
    return sent.stream().map(JsonObject::copy).toList();
  }

  /** DM events returned by reads so far: what X would bill as DM event reads. */
  public synchronized long served() {
    return served;
  }

  private synchronized void list(RoutingContext ctx, Predicate<JsonObject> keep) {
    if (!allowed(ctx)) {
      return;
    }
    String unknown = ctx.queryParams().names().stream().filter(p -> !PARAMS.contains(p)).findFirst().orElse(null);
    String rawMax = ctx.request().getParam("max_results", "100");
    Object fields = XV2Json.fields(ctx, "user.fields", false);
    List<String> asked = list(ctx.request().getParam("dm_event.fields", ""));
    List<String> types = list(ctx.request().getParam("event_types", String.join(",", EVENT_TYPES)));
    String token = ctx.request().getParam("pagination_token");
    if (unknown != null) {
      XV2Json.invalid(ctx, unknown, "The query parameter [" + unknown + "] is not one of " + PARAMS);
    } else if (!rawMax.matches("[0-9]{1,3}") || Integer.parseInt(rawMax) < 1 || Integer.parseInt(rawMax) > 100) {
      XV2Json.invalid(ctx, "max_results", "The `max_results` query parameter value [" + rawMax + "] is not between 1 and 100");
    } else if (!EVENT_FIELDS.containsAll(asked) || !EVENT_TYPES.containsAll(types) || fields instanceof String) {
      XV2Json.invalid(ctx, "dm_event.fields", "a field or event type is not one of the allowed values");
    } else if (token != null && !tokens.containsKey(token)) {
      XV2Json.invalid(ctx, "pagination_token", "The `pagination_token` query parameter value [" + token + "] is not valid");
    } else {
      boolean expand = list(ctx.request().getParam("expansions", "")).contains("sender_id");
      XV2Json.json(ctx, 200, page(keep.and(e -> types.contains(e.getString("event_type"))),
          token == null ? null : tokens.get(token), Integer.parseInt(rawMax), Set.copyOf(asked), expand,
          XV2Emulator.castSet(fields)));
    }
  }

  /** Newest first from {@code below}: {@code limit} slots, deleted events included, then dropped. */
  private JsonObject page(Predicate<JsonObject> keep, Long below, int limit, Set<String> fields, boolean expand,
                          Set<String> userFields) {
    NavigableMap<Long, JsonObject> window = below == null ? events : events.headMap(below, true);
    JsonArray data = new JsonArray();
    Map<String, JsonObject> users = new LinkedHashMap<>();
    int slots = 0;
    Long next = null;
    for (JsonObject e : window.descendingMap().values()) {
      if (!keep.test(e)) {
        continue;
      }
      if (slots++ == limit) {
        next = Long.parseLong(e.getString("id"));
        break;
      }
      if (!e.getBoolean("deleted", false)) {
        data.add(shown(e, fields));
        users.putIfAbsent(e.getString("sender_id"), XV2Json.user(state.user(e.getString("sender_id")), userFields));
      }
    }
    served += data.size();
    return body(data, expand ? users : null, next);
  }

  /** {@code data} when any, {@code includes.users} when expanded, {@code meta} with a token for what is left. */
  private JsonObject body(JsonArray data, Map<String, JsonObject> users, Long next) {
    JsonObject body = new JsonObject();
    JsonObject meta = new JsonObject().put("result_count", data.size());
    if (!data.isEmpty()) {
      body.put("data", data);
      if (users != null) {
        body.put("includes", new JsonObject().put("users", new JsonArray(List.copyOf(users.values()))));
      }
    }
    if (next != null) {
      String token = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
      tokens.put(token, next);
      meta.put("next_token", token);
    }
    return body.put("meta", meta);
  }

  private synchronized void send(RoutingContext ctx) {
    if (!allowed(ctx)) {
      return;
    }
    String participant = ctx.pathParam("participant_id");
    JsonObject body = ctx.body().asJsonObject();
    String text = body == null ? null : body.getString("text");
    if (text == null || text.isBlank() || text.length() > 10_000) {
      XV2Json.invalid(ctx, "text", "text must be 1 to 10000 characters");
    } else if (!participant.matches("[0-9]{1,19}") || state.user(participant) == null
        || XV2State.BRAND_ID.equals(participant)) {
      XV2Json.problem(ctx, 403, "Forbidden", "You cannot send messages to this user.", "about:blank");
    } else {
      JsonObject event = add(XV2State.BRAND_ID, text, Instant.now()).put("dm_conversation_id", conversation(participant));
      sent.add(event.copy());
      if (loseNextAnswer) {
        loseNextAnswer = false;
        XV2Json.problem(ctx, 503, "Service Unavailable", "Service Unavailable", "about:blank");
        return;
      }
      XV2Json.json(ctx, 201, new JsonObject().put("data", new JsonObject()
          .put("dm_conversation_id", event.getString("dm_conversation_id")).put("dm_event_id", event.getString("id"))));
    }
  }

  private boolean allowed(RoutingContext ctx) {
    if (!access) {
      XV2Json.problem(ctx, 403, "Forbidden", "Forbidden", "about:blank");
    }
    return access;
  }

  /** Every event is in the brand's one-to-one conversation with the other party. */
  private JsonObject add(String sender, String text, Instant at) {
    long id = nextId++;
    String other = XV2State.BRAND_ID.equals(sender) ? null : sender;
    JsonObject event = new JsonObject().put("id", String.valueOf(id)).put("event_type", "MessageCreate")
        .put("text", text).put("sender_id", sender).put("created_at", at.toString());
    if (other != null) {
      event.put("dm_conversation_id", conversation(other));
    }
    events.put(id, event);
    return event;
  }

  private static JsonObject shown(JsonObject stored, Set<String> fields) {
    JsonObject out = new JsonObject().put("id", stored.getString("id")).put("event_type", stored.getString("event_type"))
        .put("text", stored.getString("text"));
    fields.forEach(f -> {
      if (stored.containsKey(f)) {
        out.put(f, stored.getValue(f));
      }
    });
    return out;
  }

  /** X names a one-to-one conversation by both user ids, the smaller number first. */
  private static String conversation(String participant) {
    String brand = XV2State.BRAND_ID;
    boolean participantFirst = participant.length() != brand.length() ? participant.length() < brand.length()
        : participant.compareTo(brand) < 0;
    return participantFirst ? participant + "-" + brand : brand + "-" + participant;
  }

  private static List<String> list(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
