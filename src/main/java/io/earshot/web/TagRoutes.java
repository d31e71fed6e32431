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
    tags.get().onSuccess(list -> Bodies.json(ctx, 200, CaseworkJson.tagList(list))).onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    if (!Authenticator.user(ctx).isAdmin()) {
      // Refused before the body is judged: only admins learn what a valid list looks like.
      throw new io.earshot.error.DomainError.Forbidden("only admins define tags");
    }
    var asked = CaseworkJson.definitions(Bodies.object(ctx));
    tags.replace(asked, Authenticator.user(ctx))
        .onSuccess(list -> Bodies.json(ctx, 200, CaseworkJson.tagList(list))).onFailure(ctx::fail);
  }
}
