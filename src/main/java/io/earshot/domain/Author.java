package io.earshot.domain;

/** The public identity that wrote a mention, as the platform reports it. */
public record Author(String id, String handle, String name, long followers, boolean verified) {
}
