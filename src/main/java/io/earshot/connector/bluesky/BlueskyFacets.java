package io.earshot.connector.bluesky;

import io.earshot.connector.http.TextCount;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich-text facets for a post, as Bluesky's own app makes them: Bluesky renders links and
 * mentions only through facets, whose ranges are UTF-8 byte offsets (not chars, not graphemes).
 * A facet for every URL, for every bare domain with a known top-level domain ("acme.com/help"
 * links to https://acme.com/help, as the app does), and a mention facet for every
 * {@code @handle} whose DID is known (resolved beforehand; an unresolvable handle stays text).
 */
final class BlueskyFacets {
  static final Pattern MENTION =
      Pattern.compile("(?<![\\w@])@([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9-]+)+)");
  private static final Pattern DOMAIN = Pattern.compile(
      "(?<![\\w@./:-])((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+([a-zA-Z]{2,24}))(/[^\\s]*)?");
  /** Top-level domains the bare-domain rule accepts (the app checks the IANA list; these cover care replies). */
  private static final Set<String> TLDS = Set.of("com", "net", "org", "io", "co", "app", "dev", "me", "info", "biz",
      "us", "uk", "de", "fr", "es", "it", "nl", "eu", "ca", "au", "jp", "br", "in", "social", "shop", "store",
      "help", "support", "xyz", "ai", "tv", "ly", "gg", "page", "site", "online", "tech");
  private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]'’\"]+$");

  private BlueskyFacets() {
  }

  /** Every {@code @handle} in the text, lower-cased, to resolve before {@link #of}. */
  static Set<String> handles(String text) {
    Set<String> out = new java.util.LinkedHashSet<>();
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  static JsonArray of(String text, Map<String, String> dids) {
    JsonArray facets = new JsonArray();
    List<int[]> links = new ArrayList<>();
    Matcher urls = TextCount.URL.matcher(text);
    while (urls.find()) {
      links.add(new int[] {urls.start(), urls.end()});
      facets.add(facet(text, urls.start(), urls.end(), link(urls.group())));
    }
    Matcher domains = DOMAIN.matcher(text);
    while (domains.find()) {
      String found = TRAILING.matcher(domains.group()).replaceFirst("");
      String host = found.contains("/") ? found.substring(0, found.indexOf('/')) : found;
      String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (TLDS.contains(tld) && !inside(links, domains.start()) && !isHandle(text, domains.start())) {
        facets.add(facet(text, domains.start(), domains.start() + found.length(), link("https://" + found)));
      }
    }
    Matcher mentions = MENTION.matcher(text);
    while (mentions.find()) {
      String did = dids.get(mentions.group(1).toLowerCase(Locale.ROOT));
      if (did != null) {
        facets.add(facet(text, mentions.start(), mentions.end(), new JsonObject()
            .put("$type", "app.bsky.richtext.facet#mention").put("did", did)));
      }
    }
    return facets;
  }

  private static boolean inside(List<int[]> ranges, int at) {
    return ranges.stream().anyMatch(r -> at >= r[0] && at < r[1]);
  }

  /** "@acme.bsky.social" is a mention, not a domain. */
  private static boolean isHandle(String text, int start) {
    return start > 0 && text.charAt(start - 1) == '@';
  }

  private static JsonObject link(String uri) {
    return new JsonObject().put("$type", "app.bsky.richtext.facet#link").put("uri", uri);
  }

  private static JsonObject facet(String text, int start, int end, JsonObject feature) {
    int byteStart = utf8Length(text.substring(0, start));
    int byteEnd = byteStart + utf8Length(text.substring(start, end));
    return new JsonObject().put("index", new JsonObject().put("byteStart", byteStart).put("byteEnd", byteEnd))
        .put("features", new JsonArray().add(feature));
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
