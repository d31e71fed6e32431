package io.earshot.web;

import io.earshot.casework.TagCatalog;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The admins' defined tags: {@code GET /tags} (everyone), {@code PUT /tags} (admins, the whole list). */
final class TagRoutes {
  private final TagCatalog tags;

  TagRoutes(TagCatalog tags) {
    this.tags = tags;
  }

  void mount(Router api) {
    api.get("/tags").handler(this::list);
    api.put("/tags").handler(this::replace);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, tags.get(), CaseworkJson::tagList);
  }

  private void replace(RoutingContext ctx) {
    if (!Authenticator.user(ctx).isAdmin()) {
      // Refused before the body is judged: only admins learn what a valid list looks like.
      throw new io.earshot.error.DomainError.Forbidden("only admins define tags");
    }
    var asked = CaseworkJson.definitions(Bodies.object(ctx));
    Bodies.answer(ctx, 200, tags.replace(asked, Authenticator.user(ctx)), CaseworkJson::tagList);
  }
}
