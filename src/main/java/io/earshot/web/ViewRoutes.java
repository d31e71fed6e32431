package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.domain.SavedView;
import io.earshot.error.DomainError;
import io.earshot.inbox.InboxService;
import io.earshot.inbox.SavedViews;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saved views: {@code GET /views} (the caller's and the shared ones, each with its live
 * {@code count} of cases), {@code POST /views}, {@code PATCH /views/{id}}, {@code DELETE /views/{id}}.
 * A view's {@code filters} are the parameters of {@code GET /cases}, checked the same way; an
 * error names {@code filters.<parameter>}. {@code assignee: "me"} counts each viewer's own cases.
 */
final class ViewRoutes {
  private static final int MAX_NAME = 80;
  private final SavedViews views;
  private final InboxService inbox;

  ViewRoutes(SavedViews views, InboxService inbox) {
    this.views = views;
    this.inbox = inbox;
  }

  void mount(Router api) {
    api.get("/views").handler(this::list);
    api.post("/views").handler(this::create);
    api.patch("/views/:id").handler(this::change);
    api.delete("/views/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    User caller = Authenticator.user(ctx);
    Bodies.answer(ctx, 200, views.visibleTo(caller).compose(found -> Future.all(found.stream()
            .map(v -> inbox.count(CaseListParams.filter(params(v.filters()), caller))).toList())
        .map(counts -> {
          JsonArray items = new JsonArray();
          for (int i = 0; i < found.size(); i++) {
            items.add(json(found.get(i), caller).put("count", counts.<Long>resultAt(i)));
          }
          return new JsonObject().put("items", items).put("total", found.size());
        })), body -> body);
  }

  private void create(RoutingContext ctx) {
    User caller = Authenticator.user(ctx);
    JsonObject body = Bodies.object(ctx);
    String name = name(body, true);
    Map<String, String> filters = filters(body, caller);
    SavedViews.Draft draft = new SavedViews.Draft(name, filters == null ? Map.of() : filters, sort(body),
        Bodies.optionalBoolean(body, "shared"));
    Bodies.answer(ctx, 201, views.create(draft, caller), v -> json(v, caller));
  }

  private void change(RoutingContext ctx) {
    User caller = Authenticator.user(ctx);
    JsonObject body = Bodies.object(ctx);
    SavedViews.Draft draft = new SavedViews.Draft(name(body, false), filters(body, caller), sort(body),
        Bodies.optionalBoolean(body, "shared"));
    Bodies.answer(ctx, 200, views.change(ctx.pathParam("id"), draft, caller), v -> json(v, caller));
  }

  private void delete(RoutingContext ctx) {
    Bodies.noContent(ctx, views.delete(ctx.pathParam("id"), Authenticator.user(ctx)));
  }

  private static String name(JsonObject body, boolean required) {
    String name = required ? Bodies.requiredString(body, "name") : Bodies.optionalString(body, "name");
    if (name != null && (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
      throw new DomainError.Invalid("name", "must be 1 to " + MAX_NAME + " characters, without control characters");
    }
    return name == null ? null : name.trim();
  }

  private static String sort(JsonObject body) {
    String sort = Bodies.optionalString(body, "sort");
    if (sort == null) {
      return null;
    }
    return CaseListParams.sort(MultiMap.caseInsensitiveMultiMap().add("sort", sort)).code();
  }

  /** The filters as given, each checked as {@code GET /cases} checks it; null when the body has none. */
  private static Map<String, String> filters(JsonObject body, User caller) {
    Object raw = body.getValue("filters");
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonObject given)) {
      throw new DomainError.Invalid("filters", "must be an object of GET /cases parameters");
    }
    Map<String, String> filters = new LinkedHashMap<>();
    for (String key : given.fieldNames()) {
      Object value = given.getValue(key);
      if (!CaseListParams.FILTERS.contains(key)) {
        throw new DomainError.Invalid("filters." + key, "is not a filter (" + String.join(", ", CaseListParams.FILTERS) + ")");
      }
      if (!(value instanceof String text)) {
        throw new DomainError.Invalid("filters." + key, "must be a string");
      }
      filters.put(key, text);
    }
    try {
      CaseListParams.filter(params(filters), caller);
    } catch (DomainError.Invalid e) {
      throw new DomainError.Invalid("filters." + e.field(), e.getMessage().substring(e.field().length() + 2));
    }
    return filters;
  }

  private static MultiMap params(Map<String, String> filters) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    filters.forEach(params::add);
    return params;
  }

  private static JsonObject json(SavedView v, User caller) {
    JsonObject filters = new JsonObject();
    v.filters().forEach(filters::put);
    return new JsonObject().put("id", v.id()).put("name", v.name()).put("owner", v.owner()).put("filters", filters)
        .put("sort", v.sort()).put("shared", v.shared()).put("mine", v.owner().equals(caller.username()))
        .put("createdAt", ApiJson.time(v.createdAt())).put("updatedAt", ApiJson.time(v.updatedAt()));
  }
}
