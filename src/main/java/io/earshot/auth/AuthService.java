package io.earshot.auth;

import com.mongodb.MongoWriteException;
import io.earshot.error.ApiException;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with username and password (PBKDF2), sessions and personal API tokens. Futures fail
 * with {@link ApiException.Unauthenticated} for wrong credentials or an unknown token.
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final Duration TOKEN_LIFETIME = Duration.ofDays(365);
  private final UserStore users;
  private final Clock clock;

  public AuthService(UserStore users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  /**
   * On an empty database, creates {@code admin} with the configured password, or a generated one
   * printed once to the log (as Jenkins does) when none is configured.
   */
  public Future<Void> ensureFirstAdmin(String configuredPassword) {
    return users.countUsers().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture();
      }
      String password = configuredPassword != null ? configuredPassword : Passwords.token().substring(0, 16);
      return users.insertUser("admin", Role.ADMIN.code(), Passwords.hash(password), clock.instant())
          .onSuccess(v -> logFirstAdmin(configuredPassword == null, password))
          .recover(e -> e instanceof MongoWriteException ? Future.succeededFuture() : Future.failedFuture(e));
    });
  }

  private static void logFirstAdmin(boolean generated, String password) {
    if (generated) {
      LOG.warn("created first user 'admin' with generated password: {} (set EARSHOT_ADMIN_PASSWORD to choose one)", password);
    } else {
      LOG.info("created first user 'admin' with the password from EARSHOT_ADMIN_PASSWORD");
    }
  }

  public Future<Void> createUser(String username, Role role, String password) {
    return users.insertUser(username, role.code(), Passwords.hash(password), clock.instant());
  }

  /** Checks the password and answers a new session secret. */
  public Future<String> login(String username, String password) {
    return users.findUser(username).compose(user -> {
      if (user == null || !Passwords.matches(password, user.passwordHash())) {
        return Future.failedFuture(new ApiException.Unauthenticated("wrong username or password"));
      }
      return issue("session", username, SESSION_LIFETIME);
    });
  }

  public Future<String> createApiToken(String username) {
    return issue("token", username, TOKEN_LIFETIME);
  }

  private Future<String> issue(String kind, String username, Duration lifetime) {
    String secret = Passwords.token();
    var now = clock.instant();
    return users.insertCredential(Passwords.digest(secret), kind, username, now.plus(lifetime), now)
        .map(secret);
  }

  /** The user behind a session secret or API token. */
  public Future<User> authenticate(String secret) {
    if (secret == null || secret.isBlank()) {
      return Future.failedFuture(new ApiException.Unauthenticated("sign in first"));
    }
    return users.usernameOf(Passwords.digest(secret), clock.instant())
        .compose(name -> name == null ? Future.succeededFuture(null) : users.findUser(name))
        .compose(user -> user == null
            ? Future.failedFuture(new ApiException.Unauthenticated("session expired or unknown token"))
            : Future.succeededFuture(new User(user.username(), Role.fromCode(user.role()))));
  }

  public Future<Void> logout(String secret) {
    return secret == null ? Future.succeededFuture() : users.deleteCredential(Passwords.digest(secret));
  }
}
