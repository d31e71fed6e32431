package io.earshot.domain.sla;

import io.earshot.domain.Decision;
import io.earshot.domain.event.SlaEvents.SlaPolicyUpdated;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hub's SLA policy: per brand, business hours and priority bands of targets, and when a
 * running target warns ({@code warnAtPercent} of it used). A brand it does not name has no SLA.
 * {@code version} grows with every change; a fresh hub has the empty policy at version 0.
 */
public record SlaPolicy(List<BrandSla> brands, int warnAtPercent, long version) {
  public static final SlaPolicy EMPTY = new SlaPolicy(List.of(), 80, 0);
  public static final int MAX_TARGET_MINUTES = 60 * 24 * 365;

  public SlaPolicy {
    brands = List.copyOf(brands);
    if (warnAtPercent < 1 || warnAtPercent > 99) {
      throw new DomainError.Invalid("warnAtPercent", "must be from 1 to 99");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < brands.size(); i++) {
      validate(brands.get(i), "brands[" + i + "]", seen);
    }
  }

  public Optional<BrandSla> forBrand(String brand) {
    return brands.stream().filter(b -> b.brand().equals(brand)).findFirst();
  }

  /** An admin replaces the policy (validated on construction, each error naming its place). */
  public Decision<SlaPolicy> replace(List<BrandSla> next, int warnAt, String actor, Instant at) {
    SlaPolicy after = new SlaPolicy(next, warnAt, version + 1);
    String detail = next.isEmpty() ? "no brand has an SLA"
        : "brands " + next.stream().map(BrandSla::brand).collect(Collectors.joining(", ")) + "; warn at " + warnAt + "%";
    return new Decision<>(after, List.of(new SlaPolicyUpdated(after.version(), actor, detail, at)));
  }

  private static void validate(BrandSla b, String at, Set<String> seen) {
    if (b.brand() == null || b.brand().isBlank()) {
      throw new DomainError.Invalid(at + ".brand", "must name a brand");
    }
    if (!seen.add(b.brand())) {
      throw new DomainError.Invalid(at + ".brand", "'" + b.brand() + "' has another entry");
    }
    if (!b.hours().opensAtAll()) {
      throw new DomainError.Invalid(at + ".hours", "must open on at least one day");
    }
    if (b.bands().isEmpty()) {
      throw new DomainError.Invalid(at + ".bands", "must have at least one band");
    }
    Set<Integer> minimums = new HashSet<>();
    for (int i = 0; i < b.bands().size(); i++) {
      validate(b.bands().get(i), at + ".bands[" + i + "]", minimums);
    }
  }

  private static void validate(SlaBand band, String at, Set<Integer> minimums) {
    if (band.name() == null || band.name().isBlank() || band.name().length() > 64) {
      throw new DomainError.Invalid(at + ".name", "must be 1 to 64 characters");
    }
    if (band.minPriority() < 0 || band.minPriority() > 100 || !minimums.add(band.minPriority())) {
      throw new DomainError.Invalid(at + ".minPriority", "must be 0 to 100 and differ from the other bands'");
    }
    target(band.firstResponseMinutes(), at + ".firstResponseMinutes");
    target(band.nextResponseMinutes(), at + ".nextResponseMinutes");
    target(band.resolutionMinutes(), at + ".resolutionMinutes");
    if (band.firstResponseMinutes() == null && band.nextResponseMinutes() == null && band.resolutionMinutes() == null) {
      throw new DomainError.Invalid(at, "must set at least one target");
    }
  }

  private static void target(Integer minutes, String at) {
    if (minutes != null && (minutes < 1 || minutes > MAX_TARGET_MINUTES)) {
      throw new DomainError.Invalid(at, "must be a positive number of minutes, at most " + MAX_TARGET_MINUTES);
    }
  }
}
