package io.earshot.problem.detect;

import java.util.Map;

/** The detection thresholds: {@code defaults} for every brand, and brands with their own. */
public record DetectionPolicy(Thresholds defaults, Map<String, Thresholds> brands, long version) {
  public static final DetectionPolicy DEFAULT = new DetectionPolicy(Thresholds.DEFAULTS, Map.of(), 0);

  public DetectionPolicy {
    brands = Map.copyOf(brands);
  }

  public Thresholds forBrand(String brand) {
    return brands.getOrDefault(brand, defaults);
  }
}
