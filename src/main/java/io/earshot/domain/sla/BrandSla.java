package io.earshot.domain.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One brand's SLA: its business hours and its priority bands. */
public record BrandSla(String brand, BusinessHours hours, List<SlaBand> bands) {
  public BrandSla {
    bands = List.copyOf(bands);
  }

  /** The band of a case opened with {@code priority}: the one with the highest minimum it reaches. */
  public Optional<SlaBand> bandFor(int priority) {
    return bands.stream().filter(b -> b.minPriority() <= priority).max(Comparator.comparingInt(SlaBand::minPriority));
  }

  public BusinessTime time() {
    return new BusinessTime(hours);
  }
}
