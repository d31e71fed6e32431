package io.earshot.domain;

/** One weighted signal behind a priority: shown to agents so the number can be questioned. */
public record PrioritySignal(String name, int points, String detail) {
}
