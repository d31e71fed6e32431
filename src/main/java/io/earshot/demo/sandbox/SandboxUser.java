package io.earshot.demo.sandbox;

/**
 * An account on the sandbox network: a customer, or one of the demo brands the sandbox's API
 * token manages. Ids are stable strings ({@code u17}, {@code b3}) like a real platform's.
 */
public record SandboxUser(String id, String handle, String name, long followers, boolean verified,
                          boolean brand) {
}
