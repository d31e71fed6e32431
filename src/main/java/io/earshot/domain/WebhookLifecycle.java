package io.earshot.domain;

import io.earshot.domain.event.AdminEvents.WebhookChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The life of a webhook endpoint as pure functions: register, change (url, secret, events,
 * enabled), delete and replay one of its deliveries, each answering the new record and the
 * {@code webhook.*} event it causes, or {@link DomainError.Invalid} naming the field at fault.
 * Changing nothing is no change. Event details name what changed and where events go (scheme,
 * host and port only: a URL's path often carries a token), never the secret.
 */
public final class WebhookLifecycle {
  static final int MIN_SECRET = 16;
  private static final int MAX_SECRET = 1024;
  private static final int MAX_URL = 2048;

  private WebhookLifecycle() {
  }

  /** What an admin registers. */
  public record Draft(String url, String secret, List<String> events) {
  }

  /** What an admin changes; null fields stay as they are. */
  public record Patch(String url, String secret, List<String> events, Boolean enabled) {
    public boolean empty() {
      return url == null && secret == null && events == null && enabled == null;
    }
  }

  public static Decision<Webhook> create(String id, Draft draft, String actor, Instant at) {
    Webhook w = new Webhook(id, url(draft.url()), secret(draft.secret()), events(draft.events()), true, actor, at,
        at, at, false, 1);
    String detail = "posts " + String.join(", ", w.events()) + " to " + origin(w.url());
    return new Decision<>(w, List.of(new WebhookChanged(EventType.WEBHOOK_CREATED, id, actor, detail, at)));
  }

  public static Decision<Webhook> update(Webhook w, Patch patch, String actor, Instant at) {
    if (patch.empty()) {
      throw new DomainError.Invalid("body", "give at least one of url, secret, events, enabled");
    }
    Webhook after = w;
    List<String> changed = new ArrayList<>();
    if (patch.url() != null && !url(patch.url()).equals(w.url())) {
      after = after.withUrl(url(patch.url()), at);
      changed.add("url → " + origin(after.url()));
    }
    if (patch.secret() != null && !secret(patch.secret()).equals(w.secret())) {
      after = after.withSecret(patch.secret(), at);
      changed.add("secret rotated");
    }
    if (patch.events() != null && !events(patch.events()).equals(w.events())) {
      after = after.withEvents(events(patch.events()), at);
      changed.add("events → " + String.join(", ", after.events()));
    }
    if (patch.enabled() != null && patch.enabled() != w.enabled()) {
      after = after.withEnabled(patch.enabled(), at);
      changed.add(patch.enabled() ? "enabled" : "disabled");
    }
    if (changed.isEmpty()) {
      return Decision.unchanged(w);
    }
    return new Decision<>(after.after(w), List.of(new WebhookChanged(EventType.WEBHOOK_UPDATED, w.id(), actor,
        String.join("; ", changed), at)));
  }

  public static Decision<Webhook> delete(Webhook w, String actor, Instant at) {
    Webhook after = w.asDeleted(at).after(w);
    return new Decision<>(after, List.of(new WebhookChanged(EventType.WEBHOOK_DELETED, w.id(), actor,
        "deleted (posted " + String.join(", ", w.events()) + " to " + origin(w.url()) + ")", at)));
  }

  /**
   * Sends a delivery again (the replay button); refused with {@link DomainError.Conflict} while
   * the endpoint is disabled or an instance is sending that delivery right now.
   */
  public static Decision<WebhookDelivery> replay(Webhook w, WebhookDelivery d, String actor, Instant at) {
    if (!w.enabled()) {
      throw new DomainError.Conflict("webhook " + w.id() + " is disabled; enable it before replaying");
    }
    if (d.state() == WebhookDeliveryState.SENDING && d.nextAttemptAt() != null && d.nextAttemptAt().isAfter(at)) {
      throw new DomainError.Conflict("delivery " + d.id() + " is being sent right now; try again shortly");
    }
    String detail = "replayed event " + d.eventId() + " (" + d.type() + ")";
    return new Decision<>(d.replayed(at), List.of(new WebhookChanged(EventType.WEBHOOK_REPLAYED, w.id(), actor,
        detail, at)));
  }

  /** An absolute http(s) URL with a host and no credentials or fragment. */
  static String url(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new DomainError.Invalid("url", "is required");
    }
    String url = raw.trim();
    if (url.length() > MAX_URL) {
      throw new DomainError.Invalid("url", "is longer than " + MAX_URL + " characters");
    }
    URI uri = parse(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new DomainError.Invalid("url", "must be an absolute http:// or https:// URL");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      throw new DomainError.Invalid("url", "must not carry credentials (user:password@); "
          + "receivers check the signature instead");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new DomainError.Invalid("url", "has no host");
    }
    if (uri.getRawFragment() != null) {
      throw new DomainError.Invalid("url", "must not have a #fragment");
    }
    return url;
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new DomainError.Invalid("url", "is not a valid URL (" + e.getReason() + ")");
    }
  }

  static String secret(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new DomainError.Invalid("secret", "is required");
    }
    if (raw.length() < MIN_SECRET || raw.length() > MAX_SECRET) {
      throw new DomainError.Invalid("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters");
    }
    return raw;
  }

  /** Recorded event type codes, or {@code *} alone; duplicates dropped, order kept. */
  static List<String> events(List<String> raw) {
    if (raw == null || raw.isEmpty()) {
      throw new DomainError.Invalid("events", "name at least one event type, or \"*\" for all");
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String code : raw) {
      codes.add(eventCode(code));
    }
    return codes.contains(Webhook.ALL) ? List.of(Webhook.ALL) : List.copyOf(codes);
  }

  private static String eventCode(String code) {
    if (Webhook.ALL.equals(code)) {
      return code;
    }
    EventType type = EventType.fromCode(Objects.requireNonNullElse(code, "")).orElseThrow(() ->
        new DomainError.Invalid("events", "unknown event type '" + code + "' (see docs/EVENTS.md)"));
    if (!type.recorded()) {
      throw new DomainError.Invalid("events", "'" + code + "' is a live-only progress event and is not sent "
          + "to webhooks");
    }
    return code;
  }

  /** Where events go, without path or query: {@code https://host:port}. */
  static String origin(String url) {
    try {
      URI uri = new URI(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (URISyntaxException e) {
      return "(invalid url)";
    }
  }
}
