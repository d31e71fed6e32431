package io.earshot.auth;

/** A signed-in person (or the owner of an API token). */
public record User(String username, Role role) {
}
