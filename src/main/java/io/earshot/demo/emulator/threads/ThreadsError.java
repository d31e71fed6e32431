package io.earshot.demo.emulator.threads;

/** A Threads API error the emulator answers with HTTP 400 and Meta's error object. */
final class ThreadsError extends RuntimeException {
  final int code;
  final Integer subcode;
  final String type;

  ThreadsError(int code, String message) {
    this(code, message, null, "OAuthException");
  }

  ThreadsError(int code, String message, Integer subcode, String type) {
    super(message);
    this.code = code;
    this.subcode = subcode;
    this.type = type;
  }

  /** What Meta says for an id that does not exist (or no longer does). */
  static ThreadsError missing(String id) {
    return new ThreadsError(100, "Unsupported get request. Object with ID '" + id + "' does not exist, cannot be"
        + " loaded due to missing permissions, or does not support this operation.", 33, "GraphMethodException");
  }

  static ThreadsError permission(String permission) {
    return new ThreadsError(10, "(#10) Application does not have permission for this action (" + permission + ")",
        null, "OAuthException");
  }
}
