package io.earshot.connector.xv2;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/**
 * How a request to X's v2 API is authorized for the brand's own account: OAuth 1.0a user
 * context (a signature per request) or OAuth 2.0 user context (a bearer token that expires and
 * is refreshed). Futures fail with {@link io.earshot.connector.ConnectorException} subtypes.
 */
interface XAuth {

  /** Loads what is needed before the first request (stored tokens). */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** The {@code Authorization} header for this request; {@code query} is every query parameter. */
  Future<String> header(HttpMethod method, String url, MultiMap query);

  /** After a 401: renews the credential when that can help (true), else false. */
  Future<Boolean> renew();
}
