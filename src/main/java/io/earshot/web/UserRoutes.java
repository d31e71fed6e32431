package io.earshot.web;

import io.earshot.auth.Person;
import io.earshot.auth.Role;
import io.earshot.auth.UserChange;
import io.earshot.auth.UserService;
import io.earshot.brand.BrandDirectory;
import io.earshot.error.DomainError;
import io.earshot.auth.AccountAudit;
import io.earshot.domain.event.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/users}: admins list, add and change people (roles, disabled, password, capacity,
 * skills, flagged); anyone changes their own password, display name, signatures and availability. Each route
 * audits its change in one step.
 */
final class UserRoutes {
  private static final int MIN_PASSWORD = 10;
  private static final int MAX_PASSWORD = 1024;
  private static final Set<String> PATCHABLE =
      Set.of("roles", "role", "disabled", "password", "currentPassword", "capacity", "skills", "displayName",
          "signatures", "flagged", "availability");
  private static final String FIELDS =
      "roles, disabled, password, capacity, skills, displayName, signatures, flagged or availability";
  /** Words with a meaning of their own in the API ({@code assignee=me|none}). */
  private static final Set<String> RESERVED = Set.of("me", "none");
  private final UserService people;
  private final BrandDirectory brands;
  private final Guards guards;
  private final AccountAudit audit;

  UserRoutes(UserService people, BrandDirectory brands, Guards guards, AccountAudit audit) {
    this.people = people;
    this.brands = brands;
    this.guards = guards;
    this.audit = audit;
  }

  void mount(Router api) {
    api.get("/users").handler(this::list);
    api.post("/users").handler(this::create);
    api.patch("/users/:username").handler(this::change);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, people.list(Authenticator.user(ctx)), all -> Bodies.list(all, p -> json(p)));
  }

  private void create(RoutingContext ctx) {
    var actor = Authenticator.user(ctx);
    if (!actor.isAdmin()) {
      throw new DomainError.Forbidden("only admins manage users");
    }
    JsonObject body = Bodies.object(ctx);
    String username = Bodies.requiredString(body, "username");
    if (!username.matches("[A-Za-z0-9_.-]{2,64}") || RESERVED.contains(username.toLowerCase())) {
      throw new DomainError.Invalid("username", "use 2-64 letters, digits, '.', '_' or '-' (not 'me' or 'none')");
    }
    String password = password(Bodies.requiredString(body, "password"), "password");
    Set<Role> roles = roles(body);
    if (roles == null) {
      throw new DomainError.Invalid("roles", "is required: a list of agent, manager, marketer, admin");
    }
    Bodies.answer(ctx, 201, people.create(actor, username, roles, password)
        .compose(p -> audit(actor.username(), EventType.USER_CREATED, p, "roles=" + codes(p)).map(p)),
        p -> json(p));
  }

  private void change(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    body.fieldNames().stream().filter(f -> !PATCHABLE.contains(f)).findFirst().ifPresent(f -> {
      // An empty key names no field a client could find; the body is then what is at fault.
      throw new DomainError.Invalid(f.isBlank() ? "body" : f,
          "'" + f + "' cannot be changed; use " + FIELDS);
    });
    UserChange change = new UserChange(roles(body), Bodies.optionalBoolean(body, "disabled"),
        body.containsKey("password") ? password(Bodies.requiredString(body, "password"), "password") : null,
        Bodies.optionalString(body, "currentPassword"), Bodies.optionalInteger(body, "capacity", 0, 10_000),
        body.containsKey("capacity") && body.getValue("capacity") == null,
        Bodies.optionalStrings(body, "skills", 50, 64), ProfileFields.displayName(body), ProfileFields.clearsName(body),
        ProfileFields.signatures(body), Bodies.optionalBoolean(body, "flagged"), availability(body));
    if (!change.beyondPassword() && change.password() == null) {
      throw new DomainError.Invalid("body", "give " + FIELDS + " to change");
    }
    var caller = Authenticator.caller(ctx);
    PasswordGate.onlyPassword(caller, change);
    Bodies.answer(ctx, 200, ProfileFields.knownBrands(brands, change.signatures())
        .compose(v -> people.update(caller, guards.forwarded().clientAddress(ctx.request()), ctx.pathParam("username"),
            change))
        .compose(p -> audit(caller.user().username(), EventType.USER_UPDATED, p, describe(change)).map(p)),
        p -> json(p));
  }

  private static String availability(JsonObject body) {
    String value = Bodies.optionalString(body, "availability");
    if (value != null && !value.equals(Person.AVAILABLE) && !value.equals(Person.AWAY)) {
      throw new DomainError.Invalid("availability", "must be available or away");
    }
    return value;
  }

  private Future<Void> audit(String actor, EventType type, Person target, String detail) {
    return audit.tell(type, actor, target.username(), detail);
  }

  /** {@code roles} (a list), or the older single {@code role}; null when neither is given. */
  private static Set<Role> roles(JsonObject body) {
    Object value = body.containsKey("roles") ? body.getValue("roles") : body.getValue("role");
    String field = body.containsKey("roles") ? "roles" : "role";
    if (value == null) {
      return null;
    }
    List<Object> codes = value instanceof JsonArray a ? a.getList() : value instanceof String ? List.of(value) : null;
    if (codes == null || codes.isEmpty()) {
      throw new DomainError.Invalid(field, "must name at least one of agent, manager, marketer, admin");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object code : codes) {
      try {
        roles.add(Role.fromCode(String.valueOf(code)));
      } catch (IllegalArgumentException e) {
        throw new DomainError.Invalid(field, "'" + code + "' is not one of agent, manager, marketer, admin");
      }
    }
    return roles;
  }

  private static String password(String value, String field) {
    if (value.length() < MIN_PASSWORD || value.length() > MAX_PASSWORD) {
      throw new DomainError.Invalid(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    return value;
  }

  /** What changed, for the audit log; never the password itself. */
  private static String describe(UserChange c) {
    List<String> parts = new ArrayList<>();
    if (c.roles() != null) {
      parts.add("roles=" + c.roles().stream().map(Role::code).sorted().toList());
    }
    if (c.disabled() != null) {
      parts.add("disabled=" + c.disabled());
    }
    if (c.password() != null) {
      parts.add("password");
    }
    if (c.capacity() != null || c.clearCapacity()) {
      parts.add("capacity=" + c.capacity());
    }
    if (c.skills() != null) {
      parts.add("skills=" + c.skills());
    }
    if (c.displayName() != null || c.clearDisplayName()) {
      parts.add("displayName");
    }
    if (c.signatures() != null) {
      parts.add("signatures=" + c.signatures().keySet());
    }
    if (c.flagged() != null) {
      parts.add("flagged=" + c.flagged());
    }
    if (c.availability() != null) {
      parts.add("availability=" + c.availability());
    }
    return String.join(" ", parts);
  }

  private static List<String> codes(Person p) {
    return p.roles().stream().sorted().map(Role::code).toList();
  }

  static JsonObject json(Person p) {
    return new JsonObject().put("username", p.username()).put("roles", new JsonArray(codes(p)))
        .put("disabled", p.disabled()).put("capacity", p.capacity()).put("skills", new JsonArray(p.skills()))
        .put("createdAt", ApiJson.time(p.createdAt())).put("displayName", p.displayName())
        .put("signatures", new JsonObject(new LinkedHashMap<String, Object>(p.signatures())))
        .put("flagged", p.flagged()).put("availability", p.availability() == null ? Person.AWAY : p.availability());
  }
}
