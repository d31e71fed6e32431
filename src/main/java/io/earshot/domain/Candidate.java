package io.earshot.domain;

/**
 * A person a case may be given to, as the people store knows them: whether they are disabled and
 * whether they work cases at all (someone who is only a marketer does not).
 */
public record Candidate(String username, boolean disabled, boolean worksCases) {
}
