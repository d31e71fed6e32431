package io.earshot.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one webhook endpoint: the exact body every attempt sends (so a retry or
 * a replay carries the same bytes and the same event id) and the facts of the delivery log. Its
 * id is derived from endpoint and event id, so the same event handed over twice is one delivery.
 * {@code since} starts the current round of attempts (creation, or the last replay): the give-up
 * time counts from it, and {@code attempts} counts the round's attempts.
 */
public record WebhookDelivery(String id, String webhookId, String eventId, String type, String body,
                              WebhookDeliveryState state, int attempts, Integer lastStatus, String lastError,
                              Instant createdAt, Instant since, Instant nextAttemptAt, Instant lastAttemptAt,
                              Instant deliveredAt, int replays) {

  /** The delivery of event {@code eventId} to endpoint {@code webhookId}: always the same id. */
  public static String idOf(String webhookId, String eventId) {
    return UUID.nameUUIDFromBytes((webhookId + "\n" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A new delivery, due at once. */
  public static WebhookDelivery of(String webhookId, String eventId, String type, String body, Instant now) {
    return new WebhookDelivery(idOf(webhookId, eventId), webhookId, eventId, type, body,
        WebhookDeliveryState.PENDING, 0, null, null, now, now, now, null, null, 0);
  }

  /** The receiver answered 2xx. */
  public WebhookDelivery delivered(int status, Instant at) {
    return next(WebhookDeliveryState.DELIVERED, status, null, null, at, at);
  }

  /** The attempt failed ({@code status} null when there was no answer); try again at {@code retryAt}. */
  public WebhookDelivery retryAt(Instant retryAt, Integer status, String error, Instant at) {
    return next(WebhookDeliveryState.PENDING, status, error, retryAt, at, deliveredAt);
  }

  /** Given up: no more attempts unless an admin replays it. */
  public WebhookDelivery failed(Integer status, String error, Instant at) {
    return next(WebhookDeliveryState.FAILED, status, error, null, at, deliveredAt);
  }

  /** An admin's replay: a new round of attempts from {@code at}, with the same body and event id. */
  public WebhookDelivery replayed(Instant at) {
    return new WebhookDelivery(id, webhookId, eventId, type, body, WebhookDeliveryState.PENDING, 0, lastStatus,
        lastError, createdAt, at, at, lastAttemptAt, deliveredAt, replays + 1);
  }

  private WebhookDelivery next(WebhookDeliveryState to, Integer status, String error, Instant nextAt, Instant at,
                               Instant delivered) {
    return new WebhookDelivery(id, webhookId, eventId, type, body, to, attempts, status, error, createdAt, since,
        nextAt, at, delivered, replays);
  }
}
