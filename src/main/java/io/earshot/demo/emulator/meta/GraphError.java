package io.earshot.demo.emulator.meta;

/** A Graph API error the emulator answers with HTTP 400 and Graph's error object. */
final class GraphError extends RuntimeException {
  final int code;
  final Integer subcode;
  final String type;

  GraphError(int code, String message, Integer subcode) {
    this(code, message, subcode, "OAuthException");
  }

  GraphError(int code, String message, Integer subcode, String type) {
    super(message);
    this.code = code;
    this.subcode = subcode;
    this.type = type;
  }

  /** What Graph says for an id that does not exist (or no longer does: a deleted comment). */
  static GraphError missing(String id) {
    return new GraphError(100, "Unsupported get request. Object with ID '" + id + "' does not exist, cannot be"
        + " loaded due to missing permissions, or does not support this operation.", 33, "GraphMethodException");
  }
}
