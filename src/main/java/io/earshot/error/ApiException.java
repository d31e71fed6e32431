package io.earshot.error;

/**
 * Typed failures that the single HTTP error handler turns into answers: {@link NotFound} 404,
 * {@link Invalid} 400 (naming the field), {@link Conflict} 409, {@link Forbidden} 403,
 * {@link CrossSite} 403, {@link Unauthenticated} 401, {@link TooLarge} 413,
 * {@link UnsupportedMediaType} 415, {@link RequestTimeout} 408, {@link TooManyRequests} 429 and
 * {@link Unavailable} 503 (the last two with a {@code Retry-After}). Anything else is a 500,
 * logged once with its stack trace.
 */
public abstract class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  protected ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Seconds a client should wait before trying again; 0 when the answer says nothing about it. */
  public long retryAfterSeconds() {
    return 0;
  }

  public static final class NotFound extends ApiException {
    public NotFound(String message) {
      super(404, "not_found", message);
    }
  }

  public static final class Invalid extends ApiException {
    private final String field;

    public Invalid(String field, String message) {
      super(400, "invalid", field + ": " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public static final class Conflict extends ApiException {
    public Conflict(String message) {
      super(409, "conflict", message);
    }
  }

  public static final class Forbidden extends ApiException {
    public Forbidden(String message) {
      super(403, "forbidden", message);
    }
  }

  public static final class Unauthenticated extends ApiException {
    public Unauthenticated(String message) {
      super(401, "unauthenticated", message);
    }
  }

  /** A state-changing request that did not prove it comes from the hub's own pages. */
  public static final class CrossSite extends ApiException {
    public CrossSite(String message) {
      super(403, "csrf_rejected", message);
    }
  }

  public static final class TooLarge extends ApiException {
    public TooLarge(String message) {
      super(413, "payload_too_large", message);
    }
  }

  public static final class UnsupportedMediaType extends ApiException {
    public UnsupportedMediaType(String message) {
      super(415, "unsupported_media_type", message);
    }
  }

  public static final class RequestTimeout extends ApiException {
    public RequestTimeout(String message) {
      super(408, "request_timeout", message);
    }
  }

  public static final class TooManyRequests extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
      super(429, "too_many_requests", message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /**
   * A backing service (MongoDB, Redis) or a bounded resource (the password pool, upload slots)
   * cannot take the request now. Nothing the request asked for is acknowledged; the caller may
   * retry after {@link #retryAfterSeconds()}. It carries no stack trace: an outage fails every
   * request the same way, and the transition is logged once where it is detected ({@link Outage}).
   */
  public static final class Unavailable extends ApiException {
    private final String service;
    private final long retryAfterSeconds;

    public Unavailable(String service, String message, long retryAfterSeconds) {
      super(503, "unavailable", message);
      this.service = service;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public Unavailable(String message, long retryAfterSeconds) {
      this("hub", message, retryAfterSeconds);
    }

    /** What could not take the request: {@code mongo}, {@code redis}, or {@code hub} for its own limits. */
    public String service() {
      return service;
    }

    @Override
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
