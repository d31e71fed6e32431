package io.earshot.error;

/**
 * Typed failures that the single HTTP error handler turns into answers: {@link NotFound} 404,
 * {@link Invalid} 400 (naming the field), {@link Conflict} 409, {@link Forbidden} 403,
 * {@link Unauthenticated} 401, {@link Unavailable} 503 with {@code Retry-After}. Anything else is
 * a 500, logged once with its stack trace.
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

  /**
   * A backing service (MongoDB, Redis) cannot be reached or did not answer in time. Nothing the
   * request asked for is acknowledged; the caller may retry after {@link #retryAfterSeconds()}.
   * It carries no stack trace: an outage fails every request the same way, and the transition is
   * logged once where it is detected ({@link Outage}).
   */
  public static final class Unavailable extends ApiException {
    private final String service;
    private final int retryAfterSeconds;

    public Unavailable(String service, String message, int retryAfterSeconds) {
      super(503, "unavailable", message);
      this.service = service;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Which backing service failed: {@code mongo} or {@code redis}. */
    public String service() {
      return service;
    }

    public int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
