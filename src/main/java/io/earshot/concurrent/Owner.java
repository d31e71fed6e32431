package io.earshot.concurrent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The context that owns a component's non-thread-safe state. Services shared between verticles
 * are called from any event loop (every HTTP verticle instance has its own), so a component runs
 * whatever touches its fields on its owner ({@link #run}) and hands its Futures back on the
 * caller's context ({@link #onCaller}): the caller's next step then runs where the caller's own
 * state lives. A caller outside Vert.x (a test, the bench) gets the Future as it is.
 */
public final class Owner {
  private final Context context;

  private Owner(Context context) {
    this.context = context;
  }

  /** The context the calling code runs on: a verticle's, when called from its {@code start()}. */
  public static Owner current(Vertx vertx) {
    return new Owner(vertx.getOrCreateContext());
  }

  public Context context() {
    return context;
  }

  /** Runs {@code action} on the owner: at once when already there, else queued behind its other work. */
  public void run(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  /**
   * {@code future}, completed on the context that calls this method. Vert.x completes a Future
   * on the thread that settles it (here often another verticle's event loop), so without the hop
   * a caller's {@code compose} would run on a thread its state does not belong to.
   */
  public static <T> Future<T> onCaller(Future<T> future) {
    Context caller = Vertx.currentContext();
    if (caller == null) {
      return future;
    }
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> {
      if (Vertx.currentContext() == caller) {
        promise.handle(result);
      } else {
        caller.runOnContext(v -> promise.handle(result));
      }
    });
    return promise.future();
  }
}
