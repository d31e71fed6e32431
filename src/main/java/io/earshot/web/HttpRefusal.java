package io.earshot.web;

/**
 * A request refused for how it was sent, before any domain rule is asked: forged
 * ({@link CrossSite}), too large ({@link TooLarge}), of the wrong type
 * ({@link UnsupportedMediaType}) or too slow ({@link RequestTimeout}). These are HTTP's own
 * concerns, so unlike the domain's errors they carry their status.
 */
public abstract class HttpRefusal extends RuntimeException {
  private final int status;
  private final String code;

  protected HttpRefusal(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
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
}
