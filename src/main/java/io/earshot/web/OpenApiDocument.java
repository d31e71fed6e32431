package io.earshot.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 document of the API, built from the router's own routes and the descriptions
 * in {@code openapi/operations.json} (summary, roles, parameters, bodies) and
 * {@code openapi/components.json} (schemas). The paths come from the router, so the document
 * cannot list a route that does not exist; a route without a description is listed as
 * undocumented, and {@code OpenApiIT} fails on it. No {@code servers}: the default, {@code /},
 * is this hub wherever it is reached (behind a proxy included).
 */
public final class OpenApiDocument {
  static final String UNDOCUMENTED = "undocumented";
  private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z]+)");
  private static final JsonObject ERROR = new JsonObject().put("application/json",
      new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Error")));
  private final JsonObject operations;
  private final JsonObject components;
  private final String version;

  OpenApiDocument(JsonObject operations, JsonObject components, String version) {
    this.operations = operations;
    this.components = components;
    this.version = version;
  }

  /** Reads the descriptions from the classpath: blocking, so call it on a worker. */
  static OpenApiDocument fromClasspath() {
    String version = OpenApiDocument.class.getPackage().getImplementationVersion();
    return new OpenApiDocument(resource("openapi/operations.json"), resource("openapi/components.json"),
        version == null ? "dev" : version);
  }

  private static JsonObject resource(String name) {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document for these routes ({@code "GET /api/v1/cases/:id"}), paths in order. */
  JsonObject build(List<String> routes) {
    TreeMap<String, JsonObject> paths = new TreeMap<>();
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      String path = PATH_PARAM.matcher(parts[1]).replaceAll("{$1}");
      paths.computeIfAbsent(path, p -> new JsonObject())
          .put(parts[0].toLowerCase(Locale.ROOT), operation(parts[0], parts[1], operations.getJsonObject(route)));
    }
    return new JsonObject().put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", "Earshot API").put("version", version)
            .put("description", "The social customer-care hub's HTTP API. Lists answer {items, total, nextCursor?};"
                + " errors answer {error_code, message, validation_errors?} with a 4xx naming the field."))
        .put("security", new JsonArray().add(scheme("session")).add(scheme("token")))
        .put("paths", new JsonObject(new java.util.LinkedHashMap<>(paths)))
        .put("components", components.copy());
  }

  private JsonObject operation(String method, String path, JsonObject described) {
    JsonObject about = described == null ? new JsonObject().put("summary", UNDOCUMENTED).put("tag", UNDOCUMENTED)
        : described;
    JsonObject op = new JsonObject().put("operationId", operationId(method, path))
        .put("summary", about.getString("summary")).put("tags", new JsonArray().add(about.getString("tag")));
    JsonArray roles = about.getJsonArray("roles");
    if (roles != null) {
      op.put("description", "Roles: " + String.join(", ", roles.stream().map(String::valueOf).toList()) + ".")
          .put("x-earshot-roles", roles.copy());
    }
    security(about.getString("auth"), op);
    JsonArray parameters = parameters(path, about.getJsonObject("query"));
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (about.containsKey("body")) {
      op.put("requestBody", new JsonObject().put("required", true)
          .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema(about.getString("body"))))));
    }
    return op.put("responses", responses(method, path, about));
  }

  private static void security(String auth, JsonObject op) {
    if (auth == null) {
      return;
    }
    JsonArray none = new JsonArray();
    switch (auth) {
      case "ingestToken" -> op.put("security", new JsonArray().add(scheme("ingestToken")));
      case "metaSignature" -> op.put("security", none)
          .put("description", "Signed by Meta: X-Hub-Signature-256 is the HMAC-SHA256 of the raw body with the app secret.");
      case "metaVerifyToken" -> op.put("security", none)
          .put("description", "Answers hub.challenge when hub.verify_token is the configured one.");
      default -> op.put("security", none);
    }
  }

  private static JsonObject scheme(String name) {
    return new JsonObject().put(name, new JsonArray());
  }

  private static JsonArray parameters(String path, JsonObject query) {
    JsonArray parameters = new JsonArray();
    Matcher m = PATH_PARAM.matcher(path);
    while (m.find()) {
      parameters.add(new JsonObject().put("name", m.group(1)).put("in", "path").put("required", true)
          .put("schema", new JsonObject().put("type", "string")));
    }
    if (query != null) {
      query.forEach(q -> parameters.add(new JsonObject().put("name", q.getKey()).put("in", "query")
          .put("description", String.valueOf(q.getValue())).put("schema", new JsonObject().put("type", "string"))));
    }
    return parameters;
  }

  private static JsonObject responses(String method, String path, JsonObject about) {
    JsonObject ok = new JsonObject().put("description", "done");
    if (about.getBoolean("csv", false)) {
      ok.put("content", new JsonObject().put("text/csv", new JsonObject().put("schema", new JsonObject().put("type", "string"))));
    } else if (about.containsKey("response")) {
      ok.put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema(about.getString("response")))));
    }
    JsonObject responses = new JsonObject().put(about.getString("status", "200"), ok);
    if (!"none".equals(about.getString("auth"))) {
      responses.put("401", error("not signed in, or the token is not valid"));
    }
    if (about.containsKey("roles")) {
      responses.put("403", error("the caller's roles do not allow it (or the CSRF token is missing)"));
    }
    if (path.contains(":")) {
      responses.put("404", error("no such resource"));
    }
    if (!"GET".equals(method) && !"DELETE".equals(method)) {
      responses.put("400", error("the body is not JSON, or too large"));
      responses.put("422", error("a field is not valid: the message and validation_errors name it"));
    }
    return responses.put("503", error("a backing store is not reachable; retry after Retry-After"));
  }

  private static JsonObject error(String why) {
    return new JsonObject().put("description", why).put("content", ERROR.copy());
  }

  /** {@code "Case"}, {@code "Mention[]"}, {@code "list:Case"}, {@code "list"} or {@code "object"}. */
  private static JsonObject schema(String name) {
    if (name.equals("object")) {
      return new JsonObject().put("type", "object");
    }
    if (name.startsWith("list")) {
      JsonObject item = name.equals("list") ? new JsonObject().put("type", "object") : schema(name.substring(5));
      return new JsonObject().put("type", "object").put("required", new JsonArray().add("items").add("total"))
          .put("properties", new JsonObject().put("items", new JsonObject().put("type", "array").put("items", item))
              .put("total", new JsonObject().put("type", "integer"))
              .put("nextCursor", new JsonObject().put("type", "string").put("nullable", true)));
    }
    if (name.endsWith("[]")) {
      return new JsonObject().put("type", "array").put("items", schema(name.substring(0, name.length() - 2)));
    }
    return new JsonObject().put("$ref", "#/components/schemas/" + name);
  }

  /** {@code GET /api/v1/cases/:id/notes} → {@code getCasesIdNotes}: unique because routes are. */
  static String operationId(String method, String path) {
    StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
    for (String part : path.replaceFirst("^/api/v1", "").split("[/.:\\-]+")) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }
}
