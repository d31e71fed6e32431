package io.earshot.web;

/**
 * A request refused for how it was sent, before any domain rule is asked: forged
 * ({@link CrossSite}), too large ({@link TooLarge}), of the wrong type
 * ({@link UnsupportedMediaType}), too slow ({@link RequestTimeout}), not valid HTTP
 * ({@link BadRequest}, {@link UriTooLong}, {@link HeadersTooLarge}) or a WebSocket handshake
 * of a version the hub does not speak ({@link UpgradeRequired}). These are HTTP's own
 * concerns, so unlike the domain's errors they carry their status. Every message starts with
 * the part of the request at fault and a colon ({@code "Content-Type: …"}, {@code "body: …"}),
 * which the answer names in {@code validation_errors} as the domain's errors name their field.
 */
public abstract class HttpRefusal extends RuntimeException {
  private final int status;
  private final String code;

  protected HttpRefusal(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** The part of the request at fault: what the message names before its colon ({@code "request"} if nothing). */
  public String part() {
    String message = getMessage();
    int colon = message == null ? -1 : message.indexOf(": ");
    return colon <= 0 ? "request" : message.substring(0, colon);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** A state-changing request that did not prove it comes from the hub's own pages. */
  public static final class CrossSite extends HttpRefusal {
    public CrossSite(String message) {
      super(403, "csrf_rejected", message);
    }
  }

  public static final class TooLarge extends HttpRefusal {
    public TooLarge(String message) {
      super(413, "payload_too_large", message);
    }
  }

  public static final class UnsupportedMediaType extends HttpRefusal {
    public UnsupportedMediaType(String message) {
      super(415, "unsupported_media_type", message);
    }
  }

  public static final class RequestTimeout extends HttpRefusal {
    public RequestTimeout(String message) {
      super(408, "request_timeout", message);
    }
  }

  /** Bytes that are not valid HTTP/1.1: a malformed request line, header or body framing. */
  public static final class BadRequest extends HttpRefusal {
    public BadRequest(String message) {
      super(400, "bad_request", message);
    }
  }

  public static final class UriTooLong extends HttpRefusal {
    public UriTooLong(String message) {
      super(414, "uri_too_long", message);
    }
  }

  public static final class HeadersTooLarge extends HttpRefusal {
    public HeadersTooLarge(String message) {
      super(431, "headers_too_large", message);
    }
  }

  /** A WebSocket handshake of another protocol version (RFC 6455 4.4: 426 naming the versions spoken). */
  public static final class UpgradeRequired extends HttpRefusal {
    public UpgradeRequired(String message) {
      super(426, "upgrade_required", message);
    }
  }
}
