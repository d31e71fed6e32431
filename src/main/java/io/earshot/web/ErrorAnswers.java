package io.earshot.web;

import io.earshot.error.DomainError;

/**
 * How each domain error is answered over HTTP: its status and its {@code error_code}. The one
 * table of it, used by {@link ErrorHandler} (and by the demo platforms, which answer in the same
 * terms).
 */
public final class ErrorAnswers {
  private ErrorAnswers() {
  }

  public static int status(DomainError error) {
    if (error instanceof DomainError.NotFound) {
      return 404;
    }
    if (error instanceof DomainError.Unprocessable) {
      return 422;
    }
    if (error instanceof DomainError.Invalid) {
      return 400;
    }
    if (error instanceof DomainError.Conflict) {
      return 409;
    }
    if (error instanceof DomainError.Forbidden || error instanceof DomainError.PasswordChangeRequired) {
      return 403;
    }
    if (error instanceof DomainError.Unauthenticated) {
      return 401;
    }
    if (error instanceof DomainError.TooManyRequests) {
      return 429;
    }
    return 503;
  }

  public static String code(DomainError error) {
    if (error instanceof DomainError.NotFound) {
      return "not_found";
    }
    if (error instanceof DomainError.Unprocessable) {
      return "unprocessable";
    }
    if (error instanceof DomainError.Invalid) {
      return "invalid";
    }
    if (error instanceof DomainError.Collision) {
      return "collision";
    }
    if (error instanceof DomainError.Conflict) {
      return "conflict";
    }
    if (error instanceof DomainError.Forbidden) {
      return "forbidden";
    }
    if (error instanceof DomainError.PasswordChangeRequired) {
      return "password_change_required";
    }
    if (error instanceof DomainError.Unauthenticated) {
      return "unauthenticated";
    }
    if (error instanceof DomainError.TooManyRequests) {
      return "too_many_requests";
    }
    return "unavailable";
  }
}
