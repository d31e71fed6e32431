package io.earshot.ingest;

import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Brand;
import io.earshot.domain.BrandAddressing;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides the brand of each offered mention before it is queued: none named is the default
 * brand; {@link Brand#BY_HANDLE} (an account serving several brands) is the brand whose handle
 * the text addresses first, else the default brand; a named brand must exist. Reads nothing
 * while the {@link BrandDirectory} knows the brands named; fails only when the store is
 * unavailable and the brands cannot be read.
 */
final class MentionBrands {
  /** A mention with its brand decided, or, when {@code problem} is set, refused for it. */
  record Decided(Mention mention, String problem) {
  }

  private final BrandDirectory directory;

  MentionBrands(BrandDirectory directory) {
    this.directory = directory;
  }

  Future<List<Decided>> decide(List<Mention> mentions) {
    Set<String> named = mentions.stream().map(Mention::brand)
        .filter(b -> b != null && !Brand.BY_HANDLE.equals(b)).collect(Collectors.toSet());
    boolean byHandle = mentions.stream().anyMatch(m -> Brand.BY_HANDLE.equals(m.brand()));
    Future<Map<String, Brand>> all = byHandle ? directory.all() : Future.succeededFuture(Map.of());
    Future<Set<String>> unknown = directory.unknown(named);
    return Future.all(all, unknown)
        .map(v -> mentions.stream().map(m -> decided(m, all.result(), unknown.result())).toList());
  }

  private static Decided decided(Mention m, Map<String, Brand> all, Set<String> unknown) {
    if (m.brand() == null) {
      return new Decided(m.withBrand(Brand.DEFAULT_ID), null);
    }
    if (Brand.BY_HANDLE.equals(m.brand())) {
      String addressed = BrandAddressing.addressed(all.values(), m.platform(), m.text()).orElse(Brand.DEFAULT_ID);
      return new Decided(m.withBrand(addressed), null);
    }
    if (unknown.contains(m.brand())) {
      return new Decided(m, "'" + m.brand() + "' is not a known brand (see GET /api/v1/brands)");
    }
    return new Decided(m, null);
  }
}
