package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OpenAPI document DESIGN.md names: served, valid, complete and true to the routes' roles. */
@DisplayName("GET /api/v1/openapi.json")
class OpenApiIT {
  private static TestHub hub;
  private static JsonObject document;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    ApiClient.Response answer = new ApiClient(hub.baseUrl(), null).get("/api/v1/openapi.json");
    assertEquals(200, answer.status(), "served without a session: " + answer.body());
    document = answer.json();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("is valid against the OpenAPI 3.0 meta-schema, and every $ref in it resolves")
  void validAgainstTheMetaSchema() {
    Vertx vertx = Vertx.vertx();
    try {
      OpenAPIVersion version = OpenAPIVersion.fromContract(document);
      assertEquals(OpenAPIVersion.V3_0, version);
      SchemaRepository schemas = version.getRepository(vertx, "app:///").await();
      OutputUnit result = version.validateContract(vertx, schemas, document).await();
      assertTrue(result.getValid(), "meta-schema errors: " + result.getErrors());
      JsonObject broken = document.copy().put("info", new JsonObject().put("title", "no version"));
      assertTrue(!version.validateContract(vertx, schemas, broken).await().getValid(), "the check can fail");
      List<String> dangling = new ArrayList<>();
      refs(document, dangling);
      assertEquals(List.of(), dangling, "every $ref names a schema of components");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("lists every route of the router, each with a summary, and describes no route that does not exist")
  void everyRouteDescribed() throws IOException {
    List<String> routes = hub.hub().http().routes();
    List<String> wrong = new ArrayList<>();
    for (String route : routes) {
      JsonObject op = operation(route);
      if (op == null || OpenApiDocument.UNDOCUMENTED.equals(op.getString("summary"))) {
        wrong.add(route + ": describe it in src/main/resources/openapi/operations.json");
      }
    }
    for (String described : resource("openapi/operations.json").fieldNames()) {
      if (!routes.contains(described)) {
        wrong.add(described + ": described, but the router has no such route");
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  @DisplayName("names for each route the roles RouteRolesIT proves may call it, and no security for the public ones")
  void rolesAreTheEnforcedOnes() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<String>> row : RouteRolesIT.allowedRoles().entrySet()) {
      JsonObject op = operation(row.getKey());
      JsonArray roles = op == null ? null : op.getJsonArray("x-earshot-roles");
      List<Object> documented = roles == null ? List.of() : roles.getList();
      if (!documented.equals(row.getValue())) {
        wrong.add(row.getKey() + ": documented " + documented + ", enforced " + row.getValue());
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertEquals(new JsonArray(), operation("GET /api/v1/health").getJsonArray("security"));
    assertEquals(new JsonArray().add(new JsonObject().put("ingestToken", new JsonArray())),
        operation("POST /api/v1/mentions").getJsonArray("security"));
  }

  private static void refs(Object node, List<String> dangling) {
    if (node instanceof JsonObject object) {
      String ref = object.getString("$ref");
      JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
      if (ref != null && !(ref.startsWith("#/components/schemas/") && schemas.containsKey(ref.substring(21)))) {
        dangling.add(ref);
      }
      object.forEach(field -> refs(field.getValue(), dangling));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> refs(item, dangling));
    }
  }

  private static JsonObject operation(String route) {
    String[] parts = route.split(" ", 2);
    JsonObject path = document.getJsonObject("paths").getJsonObject(parts[1].replaceAll(":([A-Za-z]+)", "{$1}"));
    return path == null ? null : path.getJsonObject(parts[0].toLowerCase(Locale.ROOT));
  }

  private static JsonObject resource(String name) throws IOException {
    try (InputStream in = OpenApiIT.class.getClassLoader().getResourceAsStream(name)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
