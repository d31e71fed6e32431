package io.earshot.connector.xv2;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.x.XReplies;
import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import io.earshot.store.PublishAttemptStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X direct messages through v2 ({@code "options": {"dm": true}}; the token needs
 * {@code dm.read dm.write}). {@code GET /2/dm_events} pages newest first and has no
 * {@code since_id}, so a read walks down until it meets the newest event already stored
 * ({@link XV2Cursor#atOrBelow}); a message from anyone but the brand becomes a private
 * {@link Mention} whose author is its sender, the same X user as their public posts, so it joins
 * their case. An answer is {@code POST /2/dm_conversations/with/:participant_id/messages}, which
 * has no idempotency key: each intent is marked before its first attempt, and a retry first reads
 * the conversation's newest events and takes an identical brand message sent since that first
 * attempt (and within the hour) as already sent. Reads are billed per event and user like other
 * reads, a message like a post. Futures fail as {@link XV2Http} fails them; a 403 on the read
 * (a token without DM scopes) is Unauthorized, naming the fix.
 */
final class XV2Dms {
  private static final Logger LOG = LoggerFactory.getLogger(XV2Dms.class);
  static final String EVENT_FIELDS = "id,text,event_type,created_at,sender_id,dm_conversation_id,participant_ids";
  private static final Duration REPEAT_WINDOW = Duration.ofHours(1);
  private static final long SKEW_SECONDS = 30;
  private final String account;
  private final XV2Http http;
  private final Meter meter;
  private final PublishAttemptStore attempts;
  private final int pageSize;
  private volatile String brandId;

  XV2Dms(String account, XV2Http http, Meter meter, PublishAttemptStore attempts, int pageSize) {
    this.account = account;
    this.http = http;
    this.meter = meter;
    this.attempts = attempts;
    this.pageSize = pageSize;
  }

  void brand(String id) {
    this.brandId = id;
  }

  /** One page of the walk: new customer messages and where the walk stands after it. */
  Future<XV2Streams.Step> read(XV2Cursor.Walk walk) {
    return meter.beforeRead(pageSize, 1).compose(grant -> {
      MultiMap q = MultiMap.caseInsensitiveMultiMap().add("dm_event.fields", EVENT_FIELDS)
          .add("event_types", "MessageCreate").add("expansions", "sender_id").add("user.fields", "username,name")
          .add("max_results", String.valueOf(grant.items()));
      if (walk.walking()) {
        q.add("pagination_token", walk.token());
      }
      return http.get("/2/dm_events", q, "dm_events")
          .compose(page -> meter.afterRead(grant, size(page.getJsonArray("data")),
              size(page.getJsonObject("includes", new JsonObject()).getJsonArray("users"))).map(page))
          .recover(e -> meter.afterRead(grant, 0, 0).transform(ar -> Future.failedFuture(scopeHint(e))));
    }).map(page -> step(walk, page));
  }

  private XV2Streams.Step step(XV2Cursor.Walk walk, JsonObject page) {
    Map<String, JsonObject> users = XV2Mapper.users(page);
    List<Mention> out = new ArrayList<>();
    String newest = null;
    boolean reached = false;
    int skipped = 0;
    for (Object raw : page.getJsonArray("data", new JsonArray())) {
      JsonObject event = raw instanceof JsonObject o ? o : new JsonObject();
      if (XV2Cursor.atOrBelow(event.getString("id"), walk.since())) {
        reached = true;
        break;
      }
      newest = newest == null ? event.getString("id") : newest;
      if (!"MessageCreate".equals(event.getString("event_type")) || brandId.equals(event.getString("sender_id"))) {
        continue;
      }
      try {
        out.add(mention(event, users));
      } catch (RuntimeException malformed) {
        skipped++;
        LOG.warn("x v2 skipped malformed dm account={} id={}: {}", account, event.getValue("id"), malformed.toString());
      }
    }
    String next = reached ? null : page.getJsonObject("meta", new JsonObject()).getString("next_token");
    return new XV2Streams.Step(out, walk.after(newest, next), skipped);
  }

  /** Throws when a field is missing, so the caller skips and counts the event. */
  private Mention mention(JsonObject event, Map<String, JsonObject> users) {
    String id = Objects.requireNonNull(event.getString("id"), "id");
    String convo = Objects.requireNonNull(event.getString("dm_conversation_id"), "dm_conversation_id");
    String sender = Objects.requireNonNull(event.getString("sender_id"), "sender_id");
    JsonObject user = Objects.requireNonNull(users.get(sender), "includes.users[" + sender + "]");
    String username = Objects.requireNonNull(user.getString("username"), "username");
    Instant at = OffsetDateTime.parse(Objects.requireNonNull(event.getString("created_at"), "created_at")).toInstant();
    return Mention.incoming(Platform.X, account, externalId(convo, id),
        new Author(sender, username, user.getString("name", username), 0, false),
        Objects.requireNonNull(event.getString("text"), "text"), at, null, null, null,
        Map.of("screenName", username, "source", "dm", "conversationId", convo)).withVisibility(Visibility.PRIVATE);
  }

  /**
   * Sends {@code post} as a direct message to the author of what it answers: the sender of a
   * message, or the author of a public post (X opens the one-to-one conversation if none exists).
   */
  Future<String> send(OutgoingPost post) {
    String participant = post.inReplyTo().author().id();
    return attempts.mark(account, post.idempotencyKey(), Instant.now()).compose(firstAt -> firstAt == null
        ? message(participant, post.text())
        : alreadySent(participant, post.text(), firstAt).compose(found -> found != null
            ? Future.succeededFuture(found) : message(participant, post.text())));
  }

  private Future<String> message(String participant, String text) {
    return meter.beforePost(false).compose(grant -> http.post("/2/dm_conversations/with/" + participant + "/messages",
            new JsonObject().put("text", text), "dm_conversations/with/:id/messages")
        .map(r -> {
          JsonObject data = r.getJsonObject("data", new JsonObject());
          return externalId(data.getString("dm_conversation_id"), data.getString("dm_event_id"));
        })
        .onSuccess(id -> LOG.info("x v2 sent dm account={} id={}", account, id))
        .recover(e -> meter.afterPost(grant, false).transform(ar -> Future.failedFuture(e))));
  }

  /** The brand's identical message in this conversation since the first attempt, or null. */
  private Future<String> alreadySent(String participant, String text, Instant firstAt) {
    Instant since = latest(firstAt.minusSeconds(SKEW_SECONDS), Instant.now().minus(REPEAT_WINDOW));
    String wanted = XReplies.normalize(text);
    return meter.beforeRead(20, 1).compose(grant -> http.get("/2/dm_conversations/with/" + participant + "/dm_events",
            MultiMap.caseInsensitiveMultiMap().add("dm_event.fields", EVENT_FIELDS).add("event_types", "MessageCreate")
                .add("max_results", String.valueOf(grant.items())), "dm_conversations/with/:id/dm_events")
        .compose(r -> meter.afterRead(grant, size(r.getJsonArray("data")), 0).map(r))
        .recover(e -> meter.afterRead(grant, 0, 0).transform(ar -> Future.failedFuture(e))))
        .map(r -> r.getJsonArray("data", new JsonArray()).stream().map(JsonObject.class::cast)
            .filter(m -> brandId.equals(m.getString("sender_id")) && m.getString("created_at") != null
                && !OffsetDateTime.parse(m.getString("created_at")).toInstant().isBefore(since))
            .filter(m -> m.getString("text") != null && XReplies.normalize(m.getString("text")).equals(wanted))
            .map(m -> externalId(m.getString("dm_conversation_id"), m.getString("id"))).findFirst().orElse(null))
        .onSuccess(found -> {
          if (found != null) {
            LOG.info("x v2 dm retry found the first attempt's message account={} id={}", account, found);
          }
        });
  }

  /** A DM as Earshot keeps it: never a number, so it is never taken for a post id (metrics skip it). */
  static String externalId(String conversationId, String eventId) {
    return "dm/" + conversationId + "/" + eventId;
  }

  private static Throwable scopeHint(Throwable e) {
    if (e instanceof ConnectorException.Unauthorized || XV2Errors.isForbidden(e)) {
      return new ConnectorException.Unauthorized(e.getMessage()
          + "; X direct messages need the token's dm.read and dm.write scopes (authorize the app again with them)"
          + " or the account option dm off");
    }
    return e;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static int size(JsonArray items) {
    return items == null ? 0 : items.size();
  }
}
