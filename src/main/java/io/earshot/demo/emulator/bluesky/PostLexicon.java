package io.earshot.demo.emulator.bluesky;

import io.earshot.connector.http.TextCount;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * The {@code app.bsky.feed.post} lexicon as a PDS checks a record before writing it: text within
 * 3,000 bytes and 300 graphemes, {@code createdAt} an RFC 3339 datetime with its offset,
 * {@code langs} at most three language tags, facets with integer byte ranges inside the text
 * (on UTF-8 character boundaries) and well-formed features (a mention's DID, a link's URI, a
 * tag's text), reply refs as strong refs (at-uri and CID). Answers the PDS's message, or null.
 */
final class PostLexicon {
  private static final Pattern LANG = Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$");
  private static final Pattern DID = Pattern.compile("^did:[a-z]+:[a-zA-Z0-9._:%-]+$");
  private static final Pattern AT_URI = Pattern.compile("^at://[^/\\s]+/[a-zA-Z0-9.-]+/[a-zA-Z0-9._~:-]+$");
  private static final Pattern URI = Pattern.compile("^[a-z][a-z0-9+.-]*:[^\\s]+$");
  private static final Pattern CID = Pattern.compile("^[a-zA-Z0-9+=]{8,}$");
  private static final String PREFIX = "Invalid app.bsky.feed.post record: ";

  private PostLexicon() {
  }

  static String problem(JsonObject record) {
    String why = check(record);
    return why == null ? null : PREFIX + why;
  }

  private static String check(JsonObject r) {
    if (!"app.bsky.feed.post".equals(r.getValue("$type"))) {
      return "Record/$type must be app.bsky.feed.post";
    }
    if (!(r.getValue("text") instanceof String text)) {
      return "Record/text must be a string";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 3000 || TextCount.graphemes(text) > 300) {
      return "Record/text must not be longer than 300 graphemes";
    }
    if (!(r.getValue("createdAt") instanceof String at) || !datetime(at)) {
      return "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)";
    }
    String langs = langs(r.getValue("langs"));
    if (langs != null) {
      return langs;
    }
    String facets = facets(r.getValue("facets"), bytes);
    return facets != null ? facets : reply(r.getValue("reply"));
  }

  private static boolean datetime(String at) {
    try {
      OffsetDateTime.parse(at);
      return at.matches(".*(Z|[+-]\\d{2}:\\d{2})$");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String langs(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray langs) || langs.size() > 3) {
      return "Record/langs must be an array of at most 3 elements";
    }
    for (int i = 0; i < langs.size(); i++) {
      if (!(langs.getValue(i) instanceof String tag) || !LANG.matcher(tag).matches()) {
        return "Record/langs/" + i + " must be a well-formed BCP-47 language tag";
      }
    }
    return null;
  }

  private static String facets(Object value, byte[] text) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray facets)) {
      return "Record/facets must be an array";
    }
    for (int i = 0; i < facets.size(); i++) {
      String path = "Record/facets/" + i;
      JsonObject f = facets.getValue(i) instanceof JsonObject o ? o : null;
      JsonObject index = f == null ? null : f.getJsonObject("index");
      if (index == null || !(index.getValue("byteStart") instanceof Integer start)
          || !(index.getValue("byteEnd") instanceof Integer end)) {
        return path + "/index must have integer byteStart and byteEnd";
      }
      if (start < 0 || end <= start || end > text.length || !boundary(text, start) || !boundary(text, end)) {
        return path + "/index must be a byte range of whole characters inside the text";
      }
      String features = features(f.getValue("features"), path);
      if (features != null) {
        return features;
      }
    }
    return null;
  }

  private static boolean boundary(byte[] text, int at) {
    return at == text.length || (text[at] & 0xC0) != 0x80;
  }

  private static String features(Object value, String path) {
    if (!(value instanceof JsonArray features) || features.isEmpty()) {
      return path + "/features must be a non-empty array";
    }
    for (int j = 0; j < features.size(); j++) {
      JsonObject feature = features.getValue(j) instanceof JsonObject o ? o : new JsonObject();
      String type = feature.getString("$type", "");
      boolean ok = switch (type) {
        case "app.bsky.richtext.facet#mention" -> feature.getValue("did") instanceof String d && DID.matcher(d).matches();
        case "app.bsky.richtext.facet#link" -> feature.getValue("uri") instanceof String u && URI.matcher(u).matches();
        case "app.bsky.richtext.facet#tag" -> feature.getValue("tag") instanceof String t && !t.isEmpty()
            && t.getBytes(StandardCharsets.UTF_8).length <= 640;
        default -> false;
      };
      if (!ok) {
        return path + "/features/" + j + " must be a mention (did), link (uri) or tag";
      }
    }
    return null;
  }

  private static String reply(Object value) {
    if (value == null) {
      return null;
    }
    JsonObject reply = value instanceof JsonObject o ? o : new JsonObject();
    for (String ref : new String[] {"root", "parent"}) {
      JsonObject strong = reply.getJsonObject(ref);
      if (strong == null || !(strong.getValue("uri") instanceof String uri) || !AT_URI.matcher(uri).matches()
          || !(strong.getValue("cid") instanceof String cid) || !CID.matcher(cid).matches()) {
        return "Record/reply/" + ref + " must be a strong ref (at-uri and cid)";
      }
    }
    return null;
  }
}
