package io.earshot.brand;

import io.earshot.config.ConfigException;
import io.earshot.domain.BrandLifecycle;
import io.earshot.error.DomainError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the optional {@code brands.json} of the connectors directory, the brands to create at
 * start-up: {@code {"brands":[{"id","name","handles":{"<platform>":["@handle",…]},"timeZone"}]}}.
 * A malformed file stops start-up with {@link ConfigException} naming the file and the field
 * ({@code brands[2].timeZone}), checked by the same rules as the API.
 */
public final class BrandFile {
  /** Its name in the connectors directory; account files are every other {@code *.json}. */
  public static final String NAME = "brands.json";

  private BrandFile() {
  }

  /** The brands the file lists, in its order; none when there is no file. */
  public static List<BrandLifecycle.Draft> load(Path connectorsDir) {
    Path file = connectorsDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    JsonArray items = read(file).getJsonArray("brands");
    List<BrandLifecycle.Draft> drafts = new ArrayList<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      drafts.add(draft(file, "brands[" + i + "]", items.getValue(i)));
    }
    return drafts;
  }

  private static JsonObject read(Path file) {
    try {
      JsonObject json = new JsonObject(Files.readString(file));
      if (!(json.getValue("brands") instanceof JsonArray)) {
        throw new ConfigException(file + ": brands must be an array of brands");
      }
      return json;
    } catch (IOException | DecodeException | ClassCastException e) {
      throw new ConfigException(file + ": not a JSON object with a brands array (" + e.getMessage() + ")");
    }
  }

  private static BrandLifecycle.Draft draft(Path file, String at, Object item) {
    if (!(item instanceof JsonObject json)) {
      throw new ConfigException(file + ": " + at + " must be an object");
    }
    try {
      BrandLifecycle.Draft draft = new BrandLifecycle.Draft(text(json, "id"), text(json, "name"), handles(json),
          text(json, "timeZone"));
      BrandLifecycle.create(draft, "check", Instant.EPOCH); // the API's rules, before anything is stored
      return draft;
    } catch (DomainError.Invalid e) {
      throw new ConfigException(file + ": " + at + "." + e.getMessage());
    }
  }

  private static String text(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new DomainError.Invalid(field, "must be a string");
    }
    return (String) value;
  }

  private static Map<String, List<String>> handles(JsonObject json) {
    Object value = json.getValue("handles");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject byPlatform)) {
      throw new DomainError.Invalid("handles", "must be an object of platform code → list of handles");
    }
    Map<String, List<String>> handles = new LinkedHashMap<>();
    for (String code : byPlatform.fieldNames()) {
      if (!(byPlatform.getValue(code) instanceof JsonArray list) || !list.stream().allMatch(String.class::isInstance)) {
        throw new DomainError.Invalid("handles." + code, "must be a list of handles");
      }
      handles.put(code, list.stream().map(String.class::cast).toList());
    }
    return handles;
  }
}
