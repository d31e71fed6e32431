package io.earshot.domain;

import java.time.Instant;

/**
 * A saved reply (a reply template): a Handlebars {@code body} agents fill for a case and edit
 * before sending. {@code brand} is the brand whose cases may use it, or null when it is shared
 * across brands. {@code uses} counts replies submitted from it. A template imported from the
 * {@code templates/replies/*.hbs} files at first start keeps its file name as id ({@code thanks}),
 * so {@code {"template":"thanks"}} still names it. A deleted one stays as a tombstone (so the
 * import never brings it back) and is left out of every read. Changed by
 * {@link SavedReplyLifecycle}; {@code version} grows with every change.
 */
public record SavedReply(String id, String name, String body, String brand, long uses, String createdBy,
                         Instant createdAt, Instant updatedAt, boolean deleted, long version) {

  /** Whether a case of {@code caseBrand} may use it. */
  public boolean availableFor(String caseBrand) {
    return brand == null || brand.equals(caseBrand);
  }

  SavedReply with(String nextName, String nextBody, String nextBrand, Instant at) {
    return new SavedReply(id, nextName, nextBody, nextBrand, uses, createdBy, createdAt, at, deleted, version + 1);
  }

  SavedReply asDeleted(Instant at) {
    return new SavedReply(id, name, body, brand, uses, createdBy, createdAt, at, true, version + 1);
  }
}
