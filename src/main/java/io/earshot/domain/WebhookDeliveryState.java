package io.earshot.domain;

import java.util.Arrays;

/**
 * Where one delivery of an event to an endpoint stands: {@code pending} (due at its next attempt),
 * {@code sending} (claimed by one instance until its lease ends), {@code delivered} (the receiver
 * answered 2xx) or {@code failed} (given up, or its endpoint was deleted).
 */
public enum WebhookDeliveryState {
  PENDING, SENDING, DELIVERED, FAILED;

  public String code() {
    return name().toLowerCase();
  }

  public static WebhookDeliveryState fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no delivery state " + code));
  }
}
