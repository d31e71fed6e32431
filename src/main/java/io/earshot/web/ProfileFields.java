package io.earshot.web;

import io.earshot.brand.BrandDirectory;
import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What customers see of a person: a display name and a public signature per brand, both posted
 * as plain text to platforms, so control characters (which some platforms reject and which
 * could forge line breaks in an audit line) are refused; a signature may span lines.
 */
final class ProfileFields {
  static final int MAX_NAME = 100;
  static final int MAX_SIGNATURE = 280;

  private ProfileFields() {
  }

  /** The display name given, stripped; null when absent or null (see {@link #clearsName}). */
  static String displayName(JsonObject body) {
    String name = Bodies.optionalString(body, "displayName");
    if (name == null) {
      return null;
    }
    name = name.strip();
    if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw new DomainError.Invalid("displayName", "must be 1 to " + MAX_NAME + " characters, without control characters");
    }
    return name;
  }

  static boolean clearsName(JsonObject body) {
    return body.containsKey("displayName") && body.getValue("displayName") == null;
  }

  /** Signatures by brand id (a null or empty text removes one); null when not given. */
  static Map<String, String> signatures(JsonObject body) {
    Object value = body.getValue("signatures");
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject given) || given.isEmpty()) {
      throw new DomainError.Invalid("signatures", "must be an object of brand id to signature text");
    }
    Map<String, String> all = new LinkedHashMap<>();
    given.forEach(e -> all.put(e.getKey(), signature("signatures." + e.getKey(), e.getValue())));
    return all;
  }

  /** Fails with Invalid naming {@code signatures.<id>} for the first id that names no brand. */
  static Future<Void> knownBrands(BrandDirectory brands, Map<String, String> signatures) {
    if (signatures == null) {
      return Future.succeededFuture();
    }
    return brands.unknown(signatures.keySet()).compose(unknown -> signatures.keySet().stream()
        .filter(unknown::contains).findFirst()
        .<Future<Void>>map(id -> Future.failedFuture(new DomainError.Invalid("signatures." + id, "no brand '" + id + "'")))
        .orElse(Future.succeededFuture()));
  }

  private static String signature(String field, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new DomainError.Invalid(field, "must be a string");
    }
    text = text.strip();
    if (text.length() > MAX_SIGNATURE || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      throw new DomainError.Invalid(field, "must be at most " + MAX_SIGNATURE + " characters, without control characters");
    }
    return text.isEmpty() ? null : text;
  }
}
