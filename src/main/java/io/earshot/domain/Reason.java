package io.earshot.domain;

/** One contact reason matched in a text, with how strongly it matched (0..1). */
public record Reason(String code, double score) {
}
