package io.earshot.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerDescription;
import io.earshot.error.DomainError;
import io.earshot.error.Outage;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Tells {@link MongoStore}'s callers "no server can take this now" apart from what an operation
 * itself failed with: the driver's connectivity failures become {@link DomainError.Unavailable}
 * (503 with {@code Retry-After}), logged once per outage. A write refused that way may still
 * have been applied before the connection broke; the client's retry then finds it stored (a
 * duplicate), never lost.
 */
final class MongoAvailability {
  private static final int RETRY_AFTER_SECONDS = 5;
  private final MongoClient client;
  private final Outage outage = new Outage("mongo", RETRY_AFTER_SECONDS);
  private final AtomicReference<Future<Void>> pinging = new AtomicReference<>();

  MongoAvailability(MongoClient client) {
    this.client = client;
  }

  /** The call's own outcome, except that unreachability fails it with {@code Unavailable}. */
  <T> Future<T> observe(Future<T> call) {
    return call.transform(done -> {
      if (done.succeeded()) {
        outage.succeeded();
        return Future.succeededFuture(done.result());
      }
      Throwable error = done.cause();
      return Future.failedFuture(unreachable(error) ? outage.failed(error) : error);
    });
  }

  /**
   * Callers asking while a ping runs share it, so health checks arriving faster than an outage's
   * pings fail cannot pile up behind one another. During an outage the driver's own view (no
   * server answering its monitor) answers at once; the ping still runs, to notice the return.
   */
  Future<Void> ping(Supplier<Future<Void>> start) {
    Future<Void> running = pinging.get();
    Future<Void> ping = running != null && !running.isComplete() ? running : observe(start.get());
    pinging.set(ping);
    return outage.down() && noServerAnswers() ? Future.failedFuture(outage.error()) : ping;
  }

  /** Reading the driver's cluster description never blocks. */
  private boolean noServerAnswers() {
    return client.getClusterDescription().getServerDescriptions().stream().noneMatch(ServerDescription::isOk);
  }

  /** Failures that say nothing about the operation, only that no server could take it now. */
  static boolean unreachable(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof MongoTimeoutException || e instanceof MongoSocketException
          || e instanceof MongoConnectionPoolClearedException || e instanceof MongoNotPrimaryException
          || e instanceof MongoNodeIsRecoveringException) {
        return true;
      }
    }
    return false;
  }
}
