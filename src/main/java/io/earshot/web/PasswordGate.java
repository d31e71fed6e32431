package io.earshot.web;

import io.earshot.auth.Caller;
import io.earshot.auth.UserChange;
import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Holds back a caller whose password an admin set (a reset) until they choose their own: only
 * {@code GET} and {@code DELETE /session} and {@code PATCH /users/{self}} (their own password)
 * pass; everything else, their API tokens and the live socket included, answers
 * {@code password_change_required}. The flag is read with the user on every request, so the
 * change takes effect at once for every credential and instance.
 */
final class PasswordGate {
  private static final String SESSION = "/api/v1/session";
  private static final String USERS = "/api/v1/users/";

  private PasswordGate() {
  }

  /** Runs right after the {@link Authenticator} on every authenticated v1 route. */
  static void handle(RoutingContext ctx) {
    Caller caller = Authenticator.caller(ctx);
    if (caller.mustChangePassword() && !mayPass(ctx.request().method(), ctx.request().path(), caller)) {
      throw required();
    }
    ctx.next();
  }

  /** For the live socket, which authenticates on its own. */
  static Future<Caller> admit(Caller caller) {
    return caller.mustChangePassword() ? Future.failedFuture(required()) : Future.succeededFuture(caller);
  }

  /** On {@code PATCH /users/{self}}: while held back, the change is the password alone, and a new one. */
  static void onlyPassword(Caller caller, UserChange change) {
    if (!caller.mustChangePassword()) {
      return;
    }
    if (change.beyondPassword()) {
      throw required();
    }
    if (change.password() != null && change.password().equals(change.currentPassword())) {
      throw new DomainError.Invalid("password", "must differ from the password an admin set");
    }
  }

  private static boolean mayPass(HttpMethod method, String path, Caller caller) {
    if (SESSION.equals(path)) {
      return method == HttpMethod.GET || method == HttpMethod.DELETE;
    }
    return method == HttpMethod.PATCH && (USERS + caller.user().username()).equals(path);
  }

  private static DomainError required() {
    return new DomainError.PasswordChangeRequired(
        "an admin set your password: choose your own with PATCH /users/{you} (currentPassword, password) first");
  }
}
