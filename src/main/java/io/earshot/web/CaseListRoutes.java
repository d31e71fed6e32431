package io.earshot.web;

import io.earshot.brand.BrandDirectory;
import io.earshot.error.DomainError;
import io.earshot.find.CaseFilter;
import io.earshot.inbox.InboxService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;

/**
 * Finding cases: {@code GET /cases} (filters, full text, sort, cursor pages) and
 * {@code GET /cases/counts} (how many cases of the same filters are in each status, for the
 * tabs), both answered from the inbox index ({@link InboxService#list}).
 */
final class CaseListRoutes {
  private final InboxService inbox;
  private final BrandDirectory brands;

  CaseListRoutes(InboxService inbox, BrandDirectory brands) {
    this.inbox = inbox;
    this.brands = brands;
  }

  /** Mounted before the case routes, so {@code /cases/counts} is not read as a case id. */
  void mount(Router api) {
    api.get("/cases").handler(this::list);
    api.get("/cases/counts").handler(this::counts);
  }

  private void list(RoutingContext ctx) {
    CaseFilter filter = CaseListParams.filter(ctx.queryParams(), Authenticator.user(ctx));
    var sort = CaseListParams.sort(ctx.queryParams());
    String cursor = CaseListParams.cursor(ctx.queryParams());
    int limit = Bodies.intParam(ctx, "limit", 50, 1, 500);
    Bodies.answer(ctx, 200, known(filter.brand()).compose(v -> inbox.list(filter, sort, cursor, limit)),
        CaseListRoutes::listing);
  }

  private static JsonObject listing(InboxService.Listing page) {
    JsonObject body = Bodies.list(page.items(), ApiJson::careCase).put("total", page.total());
    return page.nextCursor() == null ? body : body.put("nextCursor", page.nextCursor());
  }

  private void counts(RoutingContext ctx) {
    CaseFilter filter = CaseListParams.filter(ctx.queryParams(), Authenticator.user(ctx));
    Bodies.answer(ctx, 200, known(filter.brand()).compose(v -> inbox.counts(filter)), CaseListRoutes::byStatus);
  }

  private static JsonObject byStatus(Map<String, Long> counts) {
    JsonObject byStatus = new JsonObject();
    counts.forEach(byStatus::put);
    return new JsonObject().put("counts", byStatus)
        .put("total", counts.values().stream().mapToLong(Long::longValue).sum());
  }

  /** Fails with {@link DomainError.Invalid} naming {@code brand} when it names no brand. */
  private Future<Void> known(String brand) {
    if (brand == null) {
      return Future.succeededFuture();
    }
    return brands.unknown(Set.of(brand)).compose(unknown -> unknown.isEmpty() ? Future.succeededFuture()
        : Future.failedFuture(new DomainError.Invalid("brand", "'" + brand + "' is not a known brand")));
  }
}
