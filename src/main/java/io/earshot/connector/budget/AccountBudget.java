package io.earshot.connector.budget;

import io.earshot.connector.ConnectorException;
import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorSpend.Level;
import io.earshot.store.BudgetStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's {@link Meter} over the shared {@link BudgetStore}: every reservation is an atomic
 * conditional add in MongoDB, so all instances (the poller, any publisher, the engagement
 * tracker) draw on one budget and none can pass a cap. It remembers the last totals it saw for
 * the status, and tells {@code onWarning} once per level and period when a limit reaches the
 * warning fraction or is exhausted (the first instance to cross it tells; the others do not).
 * Futures fail with {@link ConnectorException.BudgetExhausted} or the store's own failure.
 */
public final class AccountBudget implements Meter {
  private static final Logger LOG = LoggerFactory.getLogger(AccountBudget.class);
  private final BudgetPolicy policy;
  private final BudgetPeriods periods;
  private final BudgetStore store;
  private final Clock clock;
  private final Consumer<ConnectorSpend> onWarning;
  private volatile Counter requests = new Counter(null, 0);
  private volatile Counter money = new Counter(null, 0);
  private volatile Instant refusedUntil = Instant.MIN;

  /** The latest total of one period's counter. */
  private record Counter(String id, long used) {
  }

  public AccountBudget(String account, BudgetPolicy policy, BudgetStore store, Clock clock,
                       Consumer<ConnectorSpend> onWarning) {
    this.policy = policy;
    this.periods = new BudgetPeriods(account, policy.window());
    this.store = store;
    this.clock = clock;
    this.onWarning = onWarning;
  }

  @Override
  public Future<Grant> beforeRead(int maxItems, int minItems) {
    Instant now = clock.instant();
    long unit = policy.readMicros() + policy.userMicros();
    return reserveRequest(now).compose(v -> unit == 0 || maxItems == 0
        ? Future.succeededFuture(new Grant(maxItems, 0, null))
        : reserveItems(now, unit, maxItems, minItems));
  }

  @Override
  public Future<Void> afterRead(Grant grant, int posts, int users) {
    long used = (long) posts * policy.readMicros() + (long) users * policy.userMicros();
    return grant.moneyId() == null ? Future.succeededFuture()
        : store.refund(grant.moneyId(), Math.max(0, grant.micros() - used)).map(total -> noteMoney(grant.moneyId(), total));
  }

  @Override
  public Future<Grant> beforePost(boolean withUrl) {
    Instant now = clock.instant();
    long price = withUrl ? policy.postWithUrlMicros() : policy.postMicros();
    return reserveRequest(now).compose(v -> price == 0 ? Future.succeededFuture(new Grant(0, 0, null))
        : reserveMoney(now, price).compose(total -> total >= 0
            ? Future.succeededFuture(new Grant(0, price, periods.moneyId(now)))
            : refuseAfterRequest(now, "a post costs " + usd(price))));
  }

  @Override
  public Future<Void> afterPost(Grant grant, boolean posted) {
    return posted || grant.moneyId() == null ? Future.succeededFuture()
        : store.refund(grant.moneyId(), grant.micros()).map(total -> noteMoney(grant.moneyId(), total));
  }

  @Override
  public boolean tight() {
    return snapshot().level() != Level.OK;
  }

  /** Reads the current totals (other instances may have spent), for a status that is up to date. */
  public Future<ConnectorSpend> refresh() {
    Instant now = clock.instant();
    String r = periods.requestsId(now);
    String m = periods.moneyId(now);
    return store.used(r).compose(rq -> store.used(m).map(mn -> {
      requests = new Counter(r, rq);
      money = new Counter(m, mn);
      return snapshot();
    }));
  }

  @Override
  public ConnectorSpend snapshot() {
    Instant now = clock.instant();
    long usedRequests = periods.requestsId(now).equals(requests.id()) ? requests.used() : 0;
    long spent = periods.moneyId(now).equals(money.id()) ? money.used() : 0;
    Level level = level(now, usedRequests, spent);
    return new ConnectorSpend(usedRequests, policy.requests(), periods.windowEnd(now), spent,
        policy.monthlyMicros(), periods.monthEnd(now), level);
  }

  private Level level(Instant now, long usedRequests, long spent) {
    Level r = levelOf(usedRequests, policy.requests(), 1);
    Level m = levelOf(spent, policy.monthlyMicros(), Math.max(1, policy.readMicros()));
    Level worst = r.ordinal() >= m.ordinal() ? r : m;
    return now.isBefore(refusedUntil) ? Level.EXHAUSTED : worst;
  }

  /** Exhausted once what is left cannot pay for the smallest call; warning from the fraction on. */
  private Level levelOf(long used, Long limit, long smallest) {
    if (limit == null) {
      return Level.OK;
    }
    if (limit - used < smallest) {
      return Level.EXHAUSTED;
    }
    return used >= policy.warnAt() * limit ? Level.WARNING : Level.OK;
  }

  private Future<Void> reserveRequest(Instant now) {
    long cap = policy.requests() == null ? Long.MAX_VALUE : policy.requests();
    String id = periods.requestsId(now);
    return store.reserve(id, periods.account(), 1, cap).compose(total -> {
      if (total < 0) {
        return Future.failedFuture(refuse(periods.windowEnd(now), policy.requests() + " requests per "
            + policy.window().toMinutes() + " min used", id));
      }
      requests = new Counter(id, total);
      warnIfCrossed(id, total, policy.requests(), 1);
      return Future.succeededFuture();
    });
  }

  private Future<Grant> reserveItems(Instant now, long unit, int maxItems, int minItems) {
    String id = periods.moneyId(now);
    return reserveMoney(now, maxItems * unit).compose(total -> {
      if (total >= 0) {
        return Future.succeededFuture(new Grant(maxItems, maxItems * unit, id));
      }
      // Not the whole page: as many items as the rest of the month pays for, if that is a page.
      return store.used(id).compose(used -> {
        long affordable = (policy.monthlyMicros() - used) / unit;
        if (affordable < Math.max(1, minItems)) {
          return refuseAfterRequest(now, "a page of " + Math.max(1, minItems) + " costs " + usd(Math.max(1, minItems) * unit));
        }
        int items = (int) Math.min(maxItems, affordable);
        return reserveMoney(now, items * unit).compose(t -> t >= 0 ? Future.succeededFuture(new Grant(items, items * unit, id))
            : refuseAfterRequest(now, "another instance spent the rest"));
      });
    });
  }

  private Future<Long> reserveMoney(Instant now, long micros) {
    String id = periods.moneyId(now);
    long cap = policy.monthlyMicros() == null ? Long.MAX_VALUE : policy.monthlyMicros();
    return store.reserve(id, periods.account(), micros, cap).map(total -> {
      if (total >= 0) {
        noteMoney(id, total);
      }
      return total;
    });
  }

  /** The request was reserved but will not be sent: give it back, then refuse. */
  private <T> Future<T> refuseAfterRequest(Instant now, String why) {
    String limit = "monthly budget of " + usd(policy.monthlyMicros()) + " reached (" + why + ")";
    ConnectorException refusal = refuse(periods.monthEnd(now), limit, periods.moneyId(now));
    return store.refund(periods.requestsId(now), 1).transform(ar -> Future.failedFuture(refusal));
  }

  private ConnectorException refuse(Instant until, String why, String counterId) {
    refusedUntil = until;
    claim(counterId, 2);
    return new ConnectorException.BudgetExhausted("budget cap reached: " + why + "; resumes at " + until, until);
  }

  private Void noteMoney(String id, long total) {
    money = new Counter(id, total);
    warnIfCrossed(id, total, policy.monthlyMicros(), Math.max(1, policy.readMicros()));
    return null;
  }

  private void warnIfCrossed(String id, long used, Long limit, long smallest) {
    Level level = levelOf(used, limit, smallest);
    if (level != Level.OK) {
      claim(id, level == Level.WARNING ? 1 : 2);
    }
  }

  /** Tells every level up to {@code level} not yet told for this counter, lowest first. */
  private void claim(String id, int level) {
    if (id == null) {
      return;
    }
    Future<Void> chain = Future.succeededFuture();
    for (int l = 1; l <= level; l++) {
      int step = l;
      chain = chain.compose(v -> store.claimWarning(id, step).map(won -> {
        if (won) {
          tell(step);
        }
        return (Void) null;
      }));
    }
    chain.onFailure(e -> LOG.debug("account={} budget warning not recorded: {}", periods.account(), e.toString()));
  }

  private void tell(int level) {
    ConnectorSpend spend = snapshot();
    LOG.warn("account={} budget {}: {} requests of {}, {} of {} this month", periods.account(),
        level == 1 ? "warning" : "exhausted", spend.requests(), spend.requestLimit(),
        usd(spend.spentMicros()), spend.capMicros() == null ? "no cap" : usd(spend.capMicros()));
    onWarning.accept(withLevel(spend, level == 1 ? Level.WARNING : Level.EXHAUSTED));
  }

  private static ConnectorSpend withLevel(ConnectorSpend s, Level level) {
    return new ConnectorSpend(s.requests(), s.requestLimit(), s.requestsResetAt(), s.spentMicros(), s.capMicros(),
        s.moneyResetAt(), level);
  }

  static String usd(Long micros) {
    return micros == null ? "none" : String.format(Locale.ROOT, "$%.3f", micros / 1_000_000.0);
  }
}
