package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.brand.BrandService;
import io.earshot.domain.BrandLifecycle;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/brands}: everyone signed in reads the brands (the inbox filters by them); admins
 * create and change them (the service checks the role). A brand's id never changes.
 */
final class BrandRoutes {
  /** More than any platform list an admin would type, few enough to bound the work. */
  private static final int MAX_HANDLES = 100;
  private final BrandService brands;

  BrandRoutes(BrandService brands) {
    this.brands = brands;
  }

  void mount(Router api) {
    api.get("/brands").handler(this::list);
    api.post("/brands").handler(this::create);
    api.get("/brands/:id").handler(this::get);
    api.patch("/brands/:id").handler(this::update);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, brands.list(), all -> Bodies.list(all, ApiJson::brand));
  }

  /** Refused before the body is read: a non-admin learns nothing from the validation. */
  private static User admin(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.isAdmin()) {
      throw new DomainError.Forbidden("only admins manage brands");
    }
    return user;
  }

  private void create(RoutingContext ctx) {
    User actor = admin(ctx);
    JsonObject body = Bodies.object(ctx);
    var draft = new BrandLifecycle.Draft(Bodies.requiredString(body, "id"), Bodies.requiredString(body, "name"),
        handles(body), Bodies.optionalString(body, "timeZone"));
    Bodies.answer(ctx, 201, brands.create(draft, actor), ApiJson::brand);
  }

  private void get(RoutingContext ctx) {
    Bodies.answer(ctx, 200, brands.get(ctx.pathParam("id")), ApiJson::brand);
  }

  private void update(RoutingContext ctx) {
    User actor = admin(ctx);
    JsonObject body = Bodies.object(ctx);
    if (body.containsKey("id") && !ctx.pathParam("id").equals(body.getValue("id"))) {
      throw new DomainError.Invalid("id", "a brand's id never changes (cases and mentions carry it)");
    }
    var patch = new BrandLifecycle.Patch(Bodies.optionalString(body, "name"), handles(body),
        Bodies.optionalString(body, "timeZone"));
    Bodies.answer(ctx, 200, brands.update(ctx.pathParam("id"), patch, actor), ApiJson::brand);
  }

  /** {@code handles}: an object of platform code → array of handles; null when absent. */
  private static Map<String, List<String>> handles(JsonObject body) {
    Object value = body.getValue("handles");
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject byPlatform)) {
      throw new DomainError.Invalid("handles", "must be an object of platform code → array of handles, "
          + "such as {\"x\": [\"@TallyCloud\"]}");
    }
    Map<String, List<String>> handles = new LinkedHashMap<>();
    int count = 0;
    for (String code : byPlatform.fieldNames()) {
      if (!(byPlatform.getValue(code) instanceof JsonArray list)) {
        throw new DomainError.Invalid("handles." + code, "must be an array of handles");
      }
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String handle) || ++count > MAX_HANDLES) {
          throw new DomainError.Invalid("handles." + code, item instanceof String
              ? "at most " + MAX_HANDLES + " handles in all" : "must hold only handles (strings)");
        }
        items.add(handle);
      }
      handles.put(code, items);
    }
    return handles;
  }
}
