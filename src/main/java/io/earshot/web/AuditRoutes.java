package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.store.AuditLog;
import io.earshot.store.AuditQuery;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * {@code /api/v1/audit}: admins read the audit log, newest first, filtered by {@code actor},
 * {@code action} (an event type), {@code object} (the target, e.g. {@code reply:<id>}),
 * {@code from} and {@code to}; paged with an opaque {@code cursor}; or export it as CSV. Read-only:
 * the log is written by the audit listener alone, so the API has no route that changes it.
 */
final class AuditRoutes {
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 500;
  /** CSV is written page by page, so an export of the whole log never sits in memory. */
  private static final int EXPORT_PAGE = 500;
  private final AuditLog log;

  AuditRoutes(AuditLog log) {
    this.log = log;
  }

  void mount(Router api) {
    api.get("/audit").handler(this::list);
    api.get("/audit/export.csv").handler(this::export);
  }

  private static void admin(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.isAdmin()) {
      throw new DomainError.Forbidden("only admins read the audit log");
    }
  }

  private void list(RoutingContext ctx) {
    admin(ctx);
    AuditQuery query = query(ctx, Bodies.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), cursor(ctx));
    Bodies.answer(ctx, 200, log.page(query, true), AuditRoutes::page);
  }

  private static JsonObject page(AuditLog.Slice slice) {
    JsonArray items = new JsonArray();
    slice.items().forEach(e -> items.add(json(e)));
    JsonObject body = new JsonObject().put("items", items).put("total", slice.total());
    return slice.next() == null ? body : body.put("nextCursor", encode(slice.next()));
  }

  private void export(RoutingContext ctx) {
    admin(ctx);
    AuditQuery query = query(ctx, EXPORT_PAGE, null);
    // The first page is read before anything is sent, so a store outage still answers 503, not a cut file.
    log.page(query, false).onSuccess(first -> {
      HttpServerResponse response = ctx.response().setChunked(true)
          .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
          .putHeader("Content-Disposition", "attachment; filename=\"earshot-audit.csv\"");
      response.write(AuditCsv.HEADER);
      writeFrom(response, query, first).onComplete(done -> response.end());
    }).onFailure(ctx::fail);
  }

  /** Writes the slice, then reads and writes the next while there is one; a later failure cuts the file short. */
  private Future<Void> writeFrom(HttpServerResponse response, AuditQuery query, AuditLog.Slice slice) {
    StringBuilder chunk = new StringBuilder();
    slice.items().forEach(e -> chunk.append(AuditCsv.row(e)));
    Future<Void> written = response.write(chunk.toString());
    if (slice.next() == null || response.closed()) {
      return written;
    }
    AuditQuery rest = query.continuing(slice.next());
    return written.compose(v -> log.page(rest, false)).compose(next -> writeFrom(response, rest, next));
  }

  private static AuditQuery query(RoutingContext ctx, int limit, AuditQuery.Position after) {
    Instant from = time(ctx, "from");
    Instant to = time(ctx, "to");
    if (from != null && to != null && !to.isAfter(from)) {
      throw new DomainError.Invalid("to", "must be after from");
    }
    return new AuditQuery(text(ctx, "actor"), action(ctx), text(ctx, "object"), from, to, after, limit);
  }

  private static String action(RoutingContext ctx) {
    String action = text(ctx, "action");
    if (action != null && EventType.fromCode(action).isEmpty()) {
      throw new DomainError.Invalid("action", "'" + action + "' is not an event type (e.g. reply.approved)");
    }
    return action;
  }

  private static String text(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > 512) {
      throw new DomainError.Invalid(name, "must be at most 512 characters");
    }
    return value;
  }

  private static Instant time(RoutingContext ctx, String name) {
    String value = text(ctx, name);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid(name, "'" + value + "' is not an ISO-8601 instant (e.g. 2026-05-01T00:00:00Z)");
    }
  }

  /** The cursor is the last entry's time and id, base64url: opaque to clients, checked when read back. */
  private static String encode(AuditQuery.Position p) {
    String raw = p.at().toEpochMilli() + "|" + p.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static AuditQuery.Position cursor(RoutingContext ctx) {
    String value = text(ctx, "cursor");
    if (value == null) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new AuditQuery.Position(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new DomainError.Invalid("cursor", "is not a cursor this API answered");
    }
  }

  private static JsonObject json(AuditLog.Entry e) {
    return new JsonObject().put("id", e.id()).put("at", ApiJson.time(e.at())).put("actor", e.actor())
        .put("action", e.action()).put("target", e.target()).put("detail", e.detail())
        .put("data", e.data() == null ? null : new JsonObject(e.data()));
  }
}
