package io.earshot.error;

/**
 * A refusal in the hub's own terms, with no transport in it: what the caller asked for does not
 * exist ({@link NotFound}), can never be right ({@link Invalid}, naming the field), clashes with
 * the record's state ({@link Conflict}), is not the caller's to do ({@link Forbidden}), needs a
 * caller ({@link Unauthenticated}), must wait until the caller replaces a password an admin set
 * ({@link PasswordChangeRequired}), comes too often ({@link TooManyRequests}), or cannot be done
 * now because a backing service or a bounded resource is unavailable ({@link Unavailable}). The
 * web layer maps each kind to an answer in one place ({@code web/ErrorAnswers}). Carries no stack
 * trace: these are expected outcomes, not bugs.
 */
public abstract class DomainError extends RuntimeException {
  protected DomainError(String message) {
    super(message, null, false, false);
  }

  /** Seconds a caller should wait before trying again; 0 when nothing is known about it. */
  public long retryAfterSeconds() {
    return 0;
  }

  public static final class NotFound extends DomainError {
    public NotFound(String message) {
      super(message);
    }
  }

  public static class Invalid extends DomainError {
    private final String field;

    public Invalid(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * Well-formed, but its content cannot be used or it names something that cannot be used (a
   * template body that does not compile; an assignee who is no user, is disabled or works no
   * cases; a team that does not exist): an {@link Invalid} the web layer answers as 422.
   */
  public static final class Unprocessable extends Invalid {
    public Unprocessable(String field, String message) {
      super(field, message);
    }
  }

  public static class Conflict extends DomainError {
    public Conflict(String message) {
      super(message);
    }
  }

  /**
   * Sending now could answer a customer someone else is answering: {@code who} claimed the case,
   * is typing on it, or already replied to the same mention. The caller confirms to send anyway.
   */
  public static final class Collision extends Conflict {
    private final java.util.List<String> who;
    private final String reason;

    public Collision(java.util.List<String> who, String reason, String message) {
      super(message);
      this.who = java.util.List.copyOf(who);
      this.reason = reason;
    }

    public java.util.List<String> who() {
      return who;
    }

    /** {@code claimed}, {@code typing} or {@code replied}. */
    public String reason() {
      return reason;
    }
  }

  public static final class Forbidden extends DomainError {
    public Forbidden(String message) {
      super(message);
    }
  }

  public static final class Unauthenticated extends DomainError {
    public Unauthenticated(String message) {
      super(message);
    }
  }

  /**
   * The caller signed in with a password an admin set: nothing but changing it (and seeing or
   * ending the session) is allowed until they choose their own.
   */
  public static final class PasswordChangeRequired extends DomainError {
    public PasswordChangeRequired(String message) {
      super(message);
    }
  }

  /** Too many attempts (sign-in); the caller may try again after {@link #retryAfterSeconds()}. */
  public static final class TooManyRequests extends DomainError {
    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
      super(message);
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
   * retry after {@link #retryAfterSeconds()}. An outage fails every request the same way, so the
   * transition is logged once where it is detected ({@link Outage}), not per refusal.
   */
  public static final class Unavailable extends DomainError {
    private final String service;
    private final long retryAfterSeconds;

    public Unavailable(String service, String message, long retryAfterSeconds) {
      super(message);
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
