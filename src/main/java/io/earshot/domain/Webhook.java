package io.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * An outgoing webhook endpoint an admin registered: where events are POSTed, the secret that
 * signs them, which event types it subscribes to ({@link #ALL} for every recorded type) and
 * whether it is enabled. A deleted endpoint stays as a tombstone without its secret, so the
 * change that deleted it can still be confirmed after a crash. {@link #toString()} never shows
 * the secret.
 */
public record Webhook(String id, String url, String secret, List<String> events, boolean enabled,
                      String createdBy, Instant createdAt, Instant updatedAt, Instant secretUpdatedAt,
                      boolean deleted, long version) {
  /** Subscribes to every recorded event type. */
  public static final String ALL = "*";

  public Webhook {
    events = List.copyOf(events);
  }

  public boolean subscribes(String type) {
    return events.contains(ALL) || events.contains(type);
  }

  Webhook withUrl(String next, Instant at) {
    return new Webhook(id, next, secret, events, enabled, createdBy, createdAt, at, secretUpdatedAt, deleted,
        version);
  }

  Webhook withSecret(String next, Instant at) {
    return new Webhook(id, url, next, events, enabled, createdBy, createdAt, at, at, deleted, version);
  }

  Webhook withEvents(List<String> next, Instant at) {
    return new Webhook(id, url, secret, next, enabled, createdBy, createdAt, at, secretUpdatedAt, deleted,
        version);
  }

  Webhook withEnabled(boolean next, Instant at) {
    return new Webhook(id, url, secret, events, next, createdBy, createdAt, at, secretUpdatedAt, deleted,
        version);
  }

  /** The tombstone: disabled, secret erased. */
  Webhook asDeleted(Instant at) {
    return new Webhook(id, url, "", events, false, createdBy, createdAt, at, secretUpdatedAt, true, version);
  }

  /** The same endpoint as the next version of {@code before}. */
  Webhook after(Webhook before) {
    return new Webhook(id, url, secret, events, enabled, createdBy, createdAt, updatedAt, secretUpdatedAt, deleted,
        before.version() + 1);
  }

  @Override
  public String toString() {
    return "Webhook[id=" + id + ", url=" + WebhookLifecycle.origin(url) + ", events=" + events + ", enabled=" + enabled
        + ", deleted=" + deleted + ", version=" + version + ", secret=***]";
  }
}
