package io.earshot.web;

/**
 * The request rules routes share: proxy-aware request facts, the CSRF check, body reading, and
 * the upload slots for bodies of callers not yet signed in and of those who are (separate, so a
 * flood of anonymous sign-in uploads cannot starve authenticated ones).
 */
record Guards(Forwarded forwarded, CsrfGuard csrf, BodyReader bodies, UploadSlots anonymousUploads,
              UploadSlots uploads) {
}
