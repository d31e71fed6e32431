package io.earshot.auth;

/**
 * Who is asking, and with what: the {@link User}, the digest of the credential presented
 * ({@code credentialId}), whether it is a browser {@code session} or a personal API token, the
 * session it belongs to ({@code sessionId}: itself for a session, the session a token was made
 * from), the session's CSRF token (null for API tokens, which are not sent by browsers), and
 * whether the user must replace a password an admin set before doing anything else.
 */
public record Caller(User user, String credentialId, boolean session, String sessionId, String csrfToken,
                     boolean mustChangePassword) {
}
