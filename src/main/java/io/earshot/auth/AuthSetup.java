package io.earshot.auth;

import io.earshot.config.EarshotConfig;
import io.earshot.redis.RedisConnection;
import io.earshot.store.CredentialStore;
import io.earshot.store.MongoStore;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Everything sign-in and people management need, wired once per instance: the stores, the
 * password pool, the hub-wide throttle (with its local stand-in) and the revocation fan-out.
 * {@link #start} fails when the Redis subscription cannot be made.
 */
public final class AuthSetup implements AutoCloseable {
  private final PasswordPool passwords;
  private final Revocations revocations;
  private final AuthService auth;
  private final UserService users;

  private AuthSetup(PasswordPool passwords, Revocations revocations, AuthService auth, UserService users) {
    this.passwords = passwords;
    this.revocations = revocations;
    this.auth = auth;
    this.users = users;
  }

  public static Future<AuthSetup> start(Vertx vertx, MongoStore mongo, RedisConnection redis,
                                        EarshotConfig.Security config, Clock clock) {
    UserStore users = new UserStore(mongo);
    CredentialStore credentials = new CredentialStore(mongo);
    PasswordPool passwords = new PasswordPool(vertx, config.passwordThreads());
    ThrottlePolicy policy = ThrottlePolicy.of(config.signIn());
    SignInThrottle throttle = new FailoverThrottle(new RedisThrottle(redis, policy), new LocalThrottle(policy, clock), clock);
    Revocations revocations = new Revocations(vertx, redis, credentials);
    AuthSetup setup = new AuthSetup(passwords, revocations,
        new AuthService(users, credentials, passwords, throttle, revocations, clock),
        new UserService(users, passwords, throttle, revocations, clock));
    return revocations.start().map(setup).onFailure(e -> setup.close());
  }

  public AuthService auth() {
    return auth;
  }

  public UserService users() {
    return users;
  }

  /** The password pool, whose counters tell tests and benchmarks how many checks ran. */
  public PasswordPool passwords() {
    return passwords;
  }

  @Override
  public void close() {
    revocations.close();
    passwords.close();
  }
}
