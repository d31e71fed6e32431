package io.earshot.connector.sandbox;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connector for Earshot's built-in sandbox platform ({@code io.earshot.demo.sandbox.SandboxPlatform}),
 * spoken to over HTTP like any real network. The account needs {@code baseUrl} and the
 * credential {@code token}; options: {@code pageSize} (1..200, default 100) and
 * {@code timeoutMillis} (default 10000). The cursor is the feed's {@code newest_id}. Futures fail
 * with {@link ConnectorException} subtypes: Unauthorized (401/403), RateLimited (429, reset from
 * {@code X-RateLimit-Reset}), Transient (5xx, network, unreadable answer), Rejected (other 4xx).
 */
public final class SandboxConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxConnector.class);
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 200;
  private static final int IDS_PER_REQUEST = 100;

  private final WebClient client;
  private final boolean ownsClient;
  private final ConnectorAccount account;
  private final SandboxMentionMapper mapper;
  private final SandboxErrors errors;
  private final Clock clock;
  private final String root;
  private final int pageSize;
  private final long timeoutMillis;

  public SandboxConnector(WebClient client, ConnectorAccount account, Clock clock) {
    this(client, false, account, clock);
  }

  private SandboxConnector(WebClient client, boolean ownsClient, ConnectorAccount account,
                           Clock clock) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.account = account;
    this.clock = clock;
    this.mapper = new SandboxMentionMapper(account.name());
    this.errors = new SandboxErrors(clock);
    this.root = account.baseUrl() == null ? "" : account.baseUrl().replaceAll("/+$", "");
    this.pageSize = (int) Math.max(1, Math.min(MAX_PAGE, option("pageSize", DEFAULT_PAGE)));
    this.timeoutMillis = Math.max(100, option("timeoutMillis", 10_000));
  }

  /** A connector with its own {@link WebClient}, closed by {@link #stop()}. */
  public static SandboxConnector create(Vertx vertx, ConnectorAccount account) {
    return new SandboxConnector(WebClient.create(vertx), true, account, Clock.systemUTC());
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  /** Checks baseUrl and token by reading {@code /api/v1/me}. */
  @Override
  public Future<Void> start() {
    if (root.isEmpty()) {
      return Future.failedFuture(new ConnectorException.Rejected(
          "account " + account.name() + " has no baseUrl"));
    }
    return call(client.getAbs(root + "/api/v1/me"), "GET /me", null)
        .compose(this::json)
        .map(me -> {
          LOG.info("sandbox connector started account={} as={} brands={}", account.name(),
              me.getString("handle"), me.getJsonArray("brands", new JsonArray()).size());
          return (Void) null;
        });
  }

  @Override
  public Future<PollResult> poll(String cursor) {
    if (cursor != null && !cursor.matches("\\d{1,19}")) {
      return Future.failedFuture(new ConnectorException.Rejected(
          "cursor " + cursor + " is not a sandbox id"));
    }
    HttpRequest<Buffer> request = client.getAbs(root + "/api/v1/mentions")
        .addQueryParam("limit", Integer.toString(pageSize));
    if (cursor != null) {
      request.addQueryParam("since_id", cursor);
    }
    return call(request, "GET /mentions", null).compose(this::json)
        .compose(page -> readPage(page, cursor));
  }

  @Override
  public Future<String> publish(OutgoingPost post) {
    JsonObject body = new JsonObject().put("text", post.text())
        .put("in_reply_to_id", post.inReplyTo() == null ? null : post.inReplyTo().externalId());
    HttpRequest<Buffer> request = client.postAbs(root + "/api/v1/posts")
        .putHeader("Idempotency-Key", post.idempotencyKey());
    return call(request, "POST /posts", body).compose(this::json).compose(answer -> {
      String id = answer.getValue("id") instanceof String s ? s : null;
      if (id == null || id.isBlank()) {
        // The post may exist; a retry with the same key will learn its id safely.
        return Future.failedFuture(new ConnectorException.Transient(
            "POST /posts answered without an id", null));
      }
      LOG.info("sandbox post published account={} key={} id={}", account.name(),
          post.idempotencyKey(), id);
      return Future.succeededFuture(id);
    });
  }

  @Override
  public Future<Map<String, Engagement>> engagement(List<String> externalIds) {
    List<Future<Map<String, Engagement>>> batches = new ArrayList<>();
    for (int from = 0; from < externalIds.size(); from += IDS_PER_REQUEST) {
      List<String> batch = externalIds.subList(from, Math.min(externalIds.size(), from + IDS_PER_REQUEST));
      batches.add(engagementBatch(batch));
    }
    return Future.all(batches).map(all -> {
      Map<String, Engagement> merged = new HashMap<>();
      batches.forEach(f -> merged.putAll(f.result()));
      return merged;
    });
  }

  @Override
  public Future<Void> stop() {
    if (ownsClient) {
      client.close();
    }
    return Future.succeededFuture();
  }

  private Future<Map<String, Engagement>> engagementBatch(List<String> ids) {
    HttpRequest<Buffer> request = client.getAbs(root + "/api/v1/posts")
        .addQueryParam("ids", String.join(",", ids));
    return call(request, "GET /posts", null).compose(this::json).map(answer -> {
      Map<String, Engagement> counts = new HashMap<>();
      for (Object item : answer.getJsonArray("items", new JsonArray())) {
        if (item instanceof JsonObject o && o.getValue("id") instanceof String id) {
          counts.put(id, new Engagement(o.getLong("likes", 0L), o.getLong("reposts", 0L),
              o.getLong("replies", 0L), clock.instant()));
        }
      }
      return counts;
    });
  }

  /** Maps every readable item, skipping and counting the rest so one bad item costs one item. */
  private Future<PollResult> readPage(JsonObject page, String cursor) {
    Object newest = page.getValue("newest_id");
    if (!(newest instanceof String next) || !next.matches("\\d{1,19}")
        || !(page.getValue("items") instanceof JsonArray items)) {
      return Future.failedFuture(new ConnectorException.Transient(
          "GET /mentions answered a page without items or newest_id", null));
    }
    List<Mention> mentions = new ArrayList<>(items.size());
    int skipped = 0;
    for (int i = 0; i < items.size(); i++) {
      try {
        mentions.add(mapper.map(items.getValue(i)));
      } catch (IllegalArgumentException | ClassCastException e) {
        skipped++;
        LOG.warn("sandbox item skipped account={} cursor={} index={} reason={}", account.name(),
            cursor, i, e.getMessage());
      }
    }
    return Future.succeededFuture(new PollResult(mentions, next, skipped,
        Boolean.TRUE.equals(page.getValue("has_more"))));
  }

  private Future<HttpResponse<Buffer>> call(HttpRequest<Buffer> request, String what,
                                            JsonObject body) {
    String token = account.credential("token");
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new ConnectorException.Unauthorized(
          "account " + account.name() + " has no token credential"));
    }
    request.bearerTokenAuthentication(token).timeout(timeoutMillis);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.recover(err -> SandboxErrors.network(err, what))
        .compose(response -> errors.check(response, what));
  }

  private Future<JsonObject> json(HttpResponse<Buffer> response) {
    try {
      JsonObject body = response.bodyAsJsonObject();
      return body != null ? Future.succeededFuture(body) : Future.failedFuture(
          new ConnectorException.Transient("empty answer from the sandbox", null));
    } catch (RuntimeException e) {
      return Future.failedFuture(new ConnectorException.Transient(
          "unreadable answer from the sandbox", e));
    }
  }

  private long option(String key, long fallback) {
    Object value = account.options().get(key);
    return value instanceof Number n ? n.longValue() : fallback;
  }
}
