package io.earshot.auth;

import com.mongodb.MongoWriteException;
import io.earshot.error.DomainError;
import io.earshot.store.CredentialStore;
import io.earshot.store.CredentialStore.StoredCredential;
import io.earshot.store.UserStore;
import io.earshot.store.UserStore.StoredUser;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with username and password, sessions and personal API tokens. Passwords are checked on
 * the {@link PasswordPool}, after the {@link SignInThrottle} has counted the attempt; an unknown
 * or disabled user costs the same check as a known one and gets the same answer. Futures fail
 * with {@link DomainError.Unauthenticated} (wrong credentials, unknown or ended token),
 * {@link DomainError.TooManyRequests} (throttled) or {@link DomainError.Unavailable} (the
 * password pool is saturated).
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final Duration TOKEN_LIFETIME = Duration.ofDays(365);
  private static final String WRONG = "wrong username or password";
  private static final String ENDED = "session expired or unknown token";
  private final UserStore users;
  private final CredentialStore credentials;
  private final PasswordPool passwords;
  private final SignInThrottle throttle;
  private final Revocations revocations;
  private final Clock clock;

  /** A new session: the secret for the cookie, and who it belongs to. */
  public record SignedIn(String secret, Caller caller) {
  }

  public AuthService(UserStore users, CredentialStore credentials, PasswordPool passwords, SignInThrottle throttle,
                     Revocations revocations, Clock clock) {
    this.users = users;
    this.credentials = credentials;
    this.passwords = passwords;
    this.throttle = throttle;
    this.revocations = revocations;
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
      return passwords.hash(password)
          .compose(hash -> users.insertUser("admin", List.of(Role.ADMIN.code()), hash, clock.instant()))
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

  /** Checks the password of {@code username}, signing in from {@code address}, and opens a session. */
  public Future<SignedIn> login(String username, String password, String address) {
    return throttle.attempt(username, address).compose(wait -> wait.isZero()
        ? checkPassword(username, password)
        : Future.failedFuture(throttled(wait)))
        .compose(user -> throttle.succeeded(username, address).map(user))
        .compose(this::openSession);
  }

  private Future<StoredUser> checkPassword(String username, String password) {
    return passwords.check(password, () -> users.findUser(username), StoredUser::passwordHash)
        .compose(owner -> owner.isPresent() && mayAct(owner.get())
            ? Future.succeededFuture(owner.get())
            : Future.failedFuture(new DomainError.Unauthenticated(WRONG)));
  }

  private static DomainError throttled(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new DomainError.TooManyRequests("too many sign-in attempts; try again in " + seconds + " s", seconds);
  }

  private Future<SignedIn> openSession(StoredUser user) {
    String secret = Passwords.token();
    String id = Passwords.digest(secret);
    StoredCredential session = new StoredCredential(id, "session", user.username(), id, Passwords.token());
    var now = clock.instant();
    return credentials.insert(session, now.plus(SESSION_LIFETIME), now)
        .map(v -> new SignedIn(secret, new Caller(Person.of(user).user(), id, true, id, session.csrfToken(),
            user.mustChangePassword())));
  }

  /** A new token's secret (shown once) and its id (the digest, what lists and revocation name it by). */
  public record NewToken(String secret, String id, String name) {
  }

  /**
   * A personal API token for scripts, named by its owner (null: unnamed), tied to the caller's
   * session: it ends when that session ends.
   */
  public Future<NewToken> createApiToken(Caller caller, String name) {
    String secret = Passwords.token();
    var now = clock.instant();
    StoredCredential token = new StoredCredential(Passwords.digest(secret), "token", caller.user().username(),
        caller.sessionId(), null);
    return credentials.insertToken(token, name, now.plus(TOKEN_LIFETIME), now)
        .map(new NewToken(secret, tokenId(token.id()), name));
  }

  /** The caller's own live personal API tokens, each with its {@link #tokenId}. */
  public Future<List<CredentialStore.TokenInfo>> tokens(Caller caller) {
    return credentials.tokensOf(caller.user().username(), clock.instant()).map(all -> all.stream()
        .map(t -> new CredentialStore.TokenInfo(tokenId(t.id()), t.name(), t.createdAt(), t.expiresAt())).toList());
  }

  /**
   * Ends one of the caller's own tokens, and the live sockets opened with it; fails with
   * {@code NotFound} for any id that is not a live token of the caller's (another's looks the same).
   */
  public Future<Void> revokeToken(Caller caller, String id) {
    String digest = digestOf(id);
    return credentials.find(digest, clock.instant()).compose(found -> found == null || !"token".equals(found.kind())
        || !found.username().equals(caller.user().username())
        ? Future.failedFuture(new DomainError.NotFound("token " + id))
        : revocations.endSession(digest));
  }

  /** A token's public id: its digest spelled base64url, so it fits a path ({@code /tokens/{id}}). */
  private static String tokenId(String digest) {
    return digest.replace('+', '-').replace('/', '_').replace("=", "");
  }

  private static String digestOf(String id) {
    String digest = id.replace('-', '+').replace('_', '/');
    return digest + "=".repeat((4 - digest.length() % 4) % 4);
  }

  /** The caller behind a session secret or API token. */
  public Future<Caller> authenticate(String secret) {
    if (secret == null || secret.isBlank()) {
      return Future.failedFuture(new DomainError.Unauthenticated("sign in first"));
    }
    return callerOf(Passwords.digest(secret));
  }

  /** The caller behind a credential digest, as long as the credential lives and its user is enabled. */
  public Future<Caller> callerOf(String credentialId) {
    return credentials.find(credentialId, clock.instant()).compose(credential -> live(credential)
        ? users.findUser(credential.username()).compose(user -> !mayAct(user)
            ? Future.failedFuture(new DomainError.Unauthenticated(ENDED))
            : Future.succeededFuture(new Caller(Person.of(user).user(), credential.id(), isSession(credential),
                credential.sessionId(), credential.csrfToken(), user.mustChangePassword())))
        : Future.failedFuture(new DomainError.Unauthenticated(ENDED)));
  }

  private static boolean mayAct(StoredUser user) {
    return user != null && !user.disabled() && !Person.of(user).roles().isEmpty();
  }

  /** A session from before CSRF tokens existed cannot pass the CSRF check, so it counts as ended. */
  private static boolean live(StoredCredential credential) {
    return credential != null && (!isSession(credential) || credential.csrfToken() != null);
  }

  private static boolean isSession(StoredCredential credential) {
    return "session".equals(credential.kind());
  }

  /** Ends the caller's credential and, for a session, the tokens made from it; open live sockets close. */
  public Future<Void> logout(Caller caller) {
    return revocations.endSession(caller.credentialId());
  }
}
