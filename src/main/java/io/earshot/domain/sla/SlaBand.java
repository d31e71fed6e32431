package io.earshot.domain.sla;

/**
 * The targets of cases whose priority (when they open) is at least {@code minPriority}, in
 * business minutes: the first brand answer, each later answer after the customer wrote again,
 * and resolution. A null target is not tracked.
 */
public record SlaBand(String name, int minPriority, Integer firstResponseMinutes, Integer nextResponseMinutes,
                      Integer resolutionMinutes) {
}
