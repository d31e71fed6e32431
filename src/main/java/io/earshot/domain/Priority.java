package io.earshot.domain;

import java.util.List;

/** A priority 0..100 together with the signals that add up to it. */
public record Priority(int value, List<PrioritySignal> signals) {
  public Priority {
    signals = List.copyOf(signals);
  }

  public static Priority of(int value) {
    return new Priority(value, List.of());
  }
}
