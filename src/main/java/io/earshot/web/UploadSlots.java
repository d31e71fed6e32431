package io.earshot.web;

import java.util.concurrent.atomic.AtomicInteger;

/** A cap on request bodies being read at once; taking a slot beyond it fails instead of waiting. */
final class UploadSlots {
  private final int max;
  private final AtomicInteger inUse = new AtomicInteger();

  UploadSlots(int max) {
    this.max = max;
  }

  boolean tryTake() {
    if (inUse.incrementAndGet() > max) {
      inUse.decrementAndGet();
      return false;
    }
    return true;
  }

  void give() {
    inUse.decrementAndGet();
  }

  int inUse() {
    return inUse.get();
  }
}
